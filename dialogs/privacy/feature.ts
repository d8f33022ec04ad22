import { z } from "zod";
import { botText, trustText } from "../../core/strings";
import type { Logger } from "../../core/logger";
import type { Permissions } from "../../core/permissions";
import { textReply as text, type IncomingMessage, type Reply } from "../../core/types";
import { AadObjectId } from "../../data/meetings/schema";
import { erasureCard } from "../../cards/privacy-cards";
import { escapeMarkdown as plain } from "../../core/markdown";
import type { Command, CardAction } from "../feature";
import type { Erasure, PersonData } from "./erasure";
import type { VusStore } from "../../data/meetings/vus-store";

const t = trustText.erasure;
const EraseSubmit = z.object({ aadObjectId: AadObjectId });

export interface ErasureFeatureDeps {
  erasure: Erasure;
  permissions: Permissions;
  vus: VusStore;
  logger: Logger;
}

/** `radera användare <namn>` and its confirmation card: an admin removes a named person's personal data. */
export function erasureRegistration(deps: ErasureFeatureDeps): {
  commands: Command[];
  cardActions: Record<string, CardAction>;
} {
  const { erasure, permissions, vus, logger } = deps;
  const isAdmin = (message: IncomingMessage) => permissions.isAdmin(message.asker.aadObjectId);
  const preview = (p: PersonData, groupName: (id: string) => string) => ({
    aadObjectId: p.aadObjectId,
    name: p.name,
    memberships: p.memberships.map((m) => groupName(m.groupId)),
    requests: p.requests.map((r) => groupName(r.groupId)),
    rsvps: p.rsvps.length,
    chats: p.chats.length,
    feedback: p.feedback,
    escalations: p.escalations.length,
    installs: p.installs.length,
  });
  return {
    commands: [
      {
        match: /^radera (användare|anvandare)(?: (?<who>.+))?$/i,
        help: { text: botText.commandHelp.erase, role: "admin" },
        async run({ message, match }): Promise<Reply[]> {
          if (!(await isAdmin(message))) return text(t.adminOnly);
          const who = match.groups?.who?.trim();
          if (!who) return text(t.usage);
          const people = await erasure.find(who);
          if (!people.length) return text(t.notFound(plain(who)));
          const groups = await vus.listGroups();
          const groupName = (id: string) => `VuS ${groups.find((g) => g.id === id)?.name ?? id}`;
          return [{ text: t.title, card: erasureCard(people.map((p) => preview(p, groupName))) }];
        },
      },
    ],
    cardActions: {
      "privacy.erase": {
        async submit(data, message): Promise<Reply[]> {
          if (!(await isAdmin(message))) return text(t.adminOnly);
          const parsed = EraseSubmit.safeParse(data);
          if (!parsed.success) return text(t.gone);
          const { person, counts } = await erasure.erase(parsed.data.aadObjectId);
          if (!erasure.holdsAnything(person)) return text(t.gone);
          // The admin's id is an audit fact; the person erased is not logged.
          logger.info({ by: message.asker.aadObjectId, counts }, "personal data erased");
          const parts = (Object.keys(counts) as (keyof typeof counts)[])
            .filter((k) => counts[k] > 0)
            .map((k) => t.parts[k](counts[k]));
          return text(t.done(plain(person.name || t.unknownName), parts.length ? parts.join(", ") : t.nothing));
        },
      },
      "privacy.eraseCancel": { submit: async () => text(t.cancelled) },
    },
  };
}
