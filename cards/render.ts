import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ACData from "adaptivecards-templating";
import type { CardAttachment } from "../core/types";
import { REPO_ROOT } from "../core/repo-root";

// Adaptive card templates (JSON, version 1.5) live beside this file and are expanded with
// adaptivecards-templating. Templates hold layout only; every string comes from core/strings.

const ADAPTIVE_CARD_CONTENT_TYPE: CardAttachment["contentType"] = "application/vnd.microsoft.card.adaptive";

export type CardName =
  | "welcome"
  | "help"
  | "notice"
  | "answer"
  | "decline"
  | QaCardName
  | "meeting"
  | "meeting-form"
  | "meeting-list"
  | "join-group"
  | "representation"
  | "coordinator"
  | "meeting-cancel"
  | "join-requests"
  | EvaluationCardName
  | AdminCardName
  | CaseCardName
  | "erase-confirm"
  | EscalationCardName;
/** Asking Välfärd (expert escalation). */
type EscalationCardName = "escalation-form" | "escalation-case" | "escalation-answer" | "escalation-list";
/** Question answering beyond one entry: the situation card and the quoted passage. */
type QaCardName = "situation" | "quote";
/** Samverkansärenden and the yearly follow-up. */
type CaseCardName = "case-form" | "case" | "case-list" | "followup";
/** Evaluation feature; a separate union per feature keeps each feature's cards together. */
type EvaluationCardName = "evaluation" | "evaluation-thanks" | "evaluation-notice" | "report-2b";
/** Admin feature: editing the knowledge base from Teams. */
type AdminCardName =
  | "admin-home"
  | "admin-entry"
  | "admin-form"
  | "admin-publish"
  | "admin-history"
  | "admin-review"
  | "admin-import"
  | "admin-notice"
  | "admin-admins"
  | "admin-pick";

const cache = new Map<CardName, ACData.Template>();

/** Compiled code runs from dist/cards; the JSON templates stay in the source tree. */
const templateDir = () => join(REPO_ROOT, "cards");

function template(name: CardName): ACData.Template {
  let t = cache.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(join(templateDir(), `${name}.json`), "utf8")));
    cache.set(name, t);
  }
  return t;
}

/** Expands a template with data; returns the card JSON. */
export function renderCard(name: CardName, data: object): Record<string, unknown> {
  const card = template(name).expand({ $root: data }) as Record<string, unknown>;
  delete card.$schema;
  return card;
}

export function cardAttachment(name: CardName, data: object): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(name, data) };
}
