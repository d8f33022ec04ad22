import { trustText } from "../core/strings";
import { escapeMarkdown as plain } from "../core/markdown";
import type { CardAttachment } from "../core/types";
import { cutLabel } from "./button-label";
import { cardAttachment } from "./render";
import type { CardDataMap } from "./card-data";

const t = trustText.erasure;

/** What the erasure card shows of one person: their name, what is stored, by group where it has one. */
export interface ErasurePreview {
  aadObjectId: string;
  name: string;
  memberships: string[];
  requests: string[];
  rsvps: number;
  chats: number;
  feedback: number;
  escalations: number;
  installs: number;
}

/** Asks the admin to confirm erasing one of the people found; nothing is deleted until they press the button. */
export function erasureCard(people: ErasurePreview[]): CardAttachment {
  return cardAttachment("erase-confirm", erasureData(people));
}

/** The erase-confirm template's data. */
export function erasureData(people: ErasurePreview[]): CardDataMap["erase-confirm"] {
  const n = (count: number) => (count ? String(count) : t.none);
  const list = (names: string[]) => (names.length ? names.map(plain).join(", ") : t.none);
  return {
    title: t.title,
    intro: people.length > 1 ? `${t.several(people.length)} ${t.intro}` : t.intro,
    people: people.map((p) => {
      const name = p.name || t.unknownName;
      return {
        aadObjectId: p.aadObjectId,
        name: `${plain(name)} (${p.aadObjectId})`,
        facts: [
          { title: t.facts.memberships, value: list(p.memberships) },
          { title: t.facts.requests, value: list(p.requests) },
          { title: t.facts.rsvps, value: n(p.rsvps) },
          { title: t.facts.chats, value: n(p.chats) },
          { title: t.facts.feedback, value: n(p.feedback) },
          { title: t.facts.escalations, value: n(p.escalations) },
          { title: t.facts.installs, value: n(p.installs) },
        ],
        confirm: cutLabel(t.confirm(name)),
      };
    }),
    kept: t.kept,
    cancel: t.cancel,
  };
}
