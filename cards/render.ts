import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ACData from "adaptivecards-templating";
import type { CardAttachment } from "../core/types";
import { REPO_ROOT } from "../core/repo-root";
import type { CardDataMap, CardName } from "./card-data";

// Adaptive card templates (JSON, version 1.5) live beside this file and are expanded with
// adaptivecards-templating. Templates hold layout only; every string comes from core/strings, and
// cards/card-data.ts says which data each template takes.

const ADAPTIVE_CARD_CONTENT_TYPE: CardAttachment["contentType"] = "application/vnd.microsoft.card.adaptive";

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

/** Expands a template with the data its entry in CardDataMap describes; returns the card JSON. */
export function renderCard<N extends CardName>(name: N, data: CardDataMap[N]): Record<string, unknown> {
  const card = template(name).expand({ $root: data }) as Record<string, unknown>;
  delete card.$schema;
  return card;
}

export function cardAttachment<N extends CardName>(name: N, data: CardDataMap[N]): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(name, data) };
}
