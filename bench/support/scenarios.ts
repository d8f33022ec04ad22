// Request bodies for the separate-process HTTP bench: Teams-shaped activities from many users, so the
// bot sees what production sends (different conversations and questions), not one request repeated.

export const TENANT = "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11";

/** The data of an answer card's 👍/👎 button, with the bot's signature, as the bench read it from the card. */
export interface SignedVote {
  entryId: string;
  question: string;
  sig: string;
}

/** What a load run sends; plain data, so it crosses the process boundary to the load generator. */
export type ScenarioSpec =
  | { kind: "text"; texts: string[] }
  | { kind: "feedback"; votes: SignedVote[] }
  | { kind: "evaluation"; meetings: { groupId: string; meetingId: string }[] };

export const aadObjectIdOf = (user: number) => `00000000-0000-4000-8000-${String(user).padStart(12, "0")}`;
export const userIdOf = (user: number) => `29:bench-user-${user}`;

function activity(i: number, serviceUrl: string, users: number, fields: Record<string, unknown>): string {
  const user = i % users;
  return JSON.stringify({
    type: "message",
    id: `bench-${i}`,
    channelId: "msteams",
    serviceUrl,
    locale: "sv-SE",
    from: { id: userIdOf(user), aadObjectId: aadObjectIdOf(user), name: `Användare ${user}` },
    recipient: { id: "28:bot" },
    conversation: { id: `a:bench-${user}`, conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...fields,
  });
}

/** The i-th request body of a scenario: users, questions and meetings rotate independently. */
export function bodyFor(spec: ScenarioSpec, i: number, serviceUrl: string, users: number): string {
  switch (spec.kind) {
    case "text":
      return activity(i, serviceUrl, users, { text: spec.texts[i % spec.texts.length] });
    case "feedback": {
      const { entryId, question, sig } = spec.votes[i % spec.votes.length];
      const vote = i % 4 === 0 ? "down" : "up";
      return activity(i, serviceUrl, users, { value: { action: "qa.feedback", entryId, vote, question, sig } });
    }
    case "evaluation": {
      const m = spec.meetings[i % spec.meetings.length];
      const data = {
        action: "evaluation.submit",
        ...m,
        q1: String((i % 5) + 1),
        q2: String(((i + 2) % 5) + 1),
        comment: i % 3 === 0 ? "Bra möte, tydlig dagordning." : "",
        orgType: i % 2 === 0 ? "kommun" : "region",
        gender: "",
      };
      return activity(i, serviceUrl, users, {
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "evaluation.submit", data }, trigger: "manual" },
      });
    }
  }
}

/** The request that asks the bot a question and gets its replies in the HTTP response (deliveryMode expectReplies). */
export function askForReplies(question: string, serviceUrl: string): string {
  return activity(0, serviceUrl, 1, { id: "bench-sign", text: question, deliveryMode: "expectReplies" });
}

/** Every signed 👍/👎 button in the replies to askForReplies (one per entry and question). */
export function signedVotesIn(replies: unknown): SignedVote[] {
  const found: SignedVote[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const data = (node as { data?: Record<string, unknown> }).data;
    if (
      data?.action === "qa.feedback" &&
      data.vote === "up" &&
      typeof data.entryId === "string" &&
      typeof data.question === "string" &&
      typeof data.sig === "string"
    )
      found.push({ entryId: data.entryId, question: data.question, sig: data.sig });
    for (const v of Object.values(node)) if (v && typeof v === "object") walk(v);
  };
  walk(replies);
  return found;
}
