import http from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

// A Teams-like Bot Framework client for tests, after ../shared/eval/teams-client.mjs: it POSTs
// activities (channelId "msteams") to the bot and runs a mock Bot Connector on loopback that
// records everything the bot sends back, including proactive messages.

export const TENANT = "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11";

export interface Recorded {
  method: string;
  url: string;
  activity: Record<string, any>;
}

export interface Sent {
  status: number;
  body: any;
  replies: Record<string, any>[];
}

export interface ConnectorBehaviour {
  /** Lets a test answer a connector call with an error status (e.g. 429, 403). */
  respond?: (req: {
    method: string;
    url: string;
    body: any;
  }) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined;
}

export class TeamsTestClient {
  readonly sent: Recorded[] = [];
  user = { id: "29:test-user", name: "Test Användare", aadObjectId: "00000000-0000-4000-8000-00000000a001" };
  readonly bot = { id: "28:bot", name: "Samverkansboten" };

  private constructor(
    readonly botUrl: string,
    private readonly server: http.Server,
    readonly serviceUrl: string,
  ) {}

  static async start(botUrl: string, behaviour: ConnectorBehaviour = {}): Promise<TeamsTestClient> {
    // Assigned once the server listens; the request handler only runs after that.
    // eslint-disable-next-line prefer-const
    let client!: TeamsTestClient;
    const server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        let body: any = null;
        try {
          body = raw ? JSON.parse(raw) : null;
        } catch {
          body = null;
        }
        const url = decodeURIComponent(req.url ?? "");
        const custom = behaviour.respond?.({ method: req.method ?? "", url, body });
        if (custom) {
          res.writeHead(custom.status, { "content-type": "application/json", ...(custom.headers ?? {}) });
          res.end(JSON.stringify(custom.body ?? {}));
          return;
        }
        let reply: unknown = { id: `reply-${client.sent.length + 1}` };
        if (req.method === "POST" && /\/v3\/conversations\/?$/.test(url))
          reply = { id: `a:proactive-${randomUUID()}`, activityId: randomUUID() };
        if (body?.type) client.sent.push({ method: req.method ?? "", url, activity: body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    client = new TeamsTestClient(botUrl, server, `http://127.0.0.1:${port}/`);
    return client;
  }

  /** Base activity from the user in a personal chat (override fields for team/group chat). */
  activity(fields: Record<string, any> = {}): Record<string, any> {
    const { conversationId, conversationType, ...rest } = fields;
    return {
      id: `act-${randomUUID()}`,
      timestamp: new Date().toISOString(),
      serviceUrl: this.serviceUrl,
      channelId: "msteams",
      from: this.user,
      conversation: {
        id: conversationId ?? `a:test-${randomUUID()}`,
        conversationType: conversationType ?? "personal",
        tenantId: TENANT,
      },
      recipient: this.bot,
      locale: "sv-SE",
      channelData: { tenant: { id: TENANT } },
      ...rest,
    };
  }

  async post(activity: Record<string, any>): Promise<Sent> {
    const before = this.sent.length;
    const res = await fetch(this.botUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: any = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const replies = this.sent
      .slice(before)
      .map((s) => s.activity)
      .filter((a) => a.type === "message" && a.conversation?.id === activity.conversation?.id);
    return { status: res.status, body, replies };
  }

  say(text: string, fields: Record<string, any> = {}): Promise<Sent> {
    return this.post(this.activity({ type: "message", text, textFormat: "plain", ...fields }));
  }

  /** A press of an Action.Execute button: Teams' `adaptiveCard/action` invoke with the button's verb and data. */
  execute(verb: string, data: unknown, fields: Record<string, any> = {}): Promise<Sent> {
    return this.post(
      this.activity({
        type: "invoke",
        name: "adaptiveCard/action",
        ...fields,
        value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
      }),
    );
  }

  /** Teams' installationUpdate "add" for a personal chat (or a team/group chat with fields). */
  install(fields: Record<string, any> = {}): Promise<Sent> {
    return this.post(this.activity({ type: "installationUpdate", action: "add", ...fields }));
  }

  /** Runs fn with activities coming from `who`; the previous user is back afterwards, even on failure. */
  async as<T>(who: { id: string; name: string; aadObjectId: string }, fn: () => Promise<T>): Promise<T> {
    const before = this.user;
    this.user = who;
    try {
      return await fn();
    } finally {
      this.user = before;
    }
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** Every Action.Submit under a card node, in document order: what the card's buttons would send. */
export function submitActions(node: unknown): { title: string; data: any }[] {
  const out: { title: string; data: any }[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    const el = n as Record<string, any>;
    if (el.type === "Action.Submit") out.push({ title: el.title, data: el.data });
    for (const v of Object.values(el)) if (typeof v === "object") walk(v);
  };
  walk(node);
  return out;
}

/** Text blocks and fact values of an adaptive card attachment, for assertions. */
export function cardText(activity: Record<string, any>): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const el = node as Record<string, any>;
    if (el.type === "TextBlock") out.push(String(el.text));
    if (el.type === "FactSet") for (const f of el.facts ?? []) out.push(`${f.title} ${f.value}`);
    for (const k of ["body", "items", "columns", "rows", "cells"]) if (el[k]) walk(el[k]);
  };
  for (const att of activity.attachments ?? []) walk(att.content?.body);
  return out.join("\n");
}
