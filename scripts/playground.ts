import { REPO_ROOT } from "../core/repo-root";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, type Config } from "../core/config";
import { runMain } from "./run-main";

// `npm run playground`: starts the bot and the Microsoft 365 Agents Playground (a Teams-like web client
// that runs offline on this machine), prints the URL, and stops both on Ctrl-C or SIGTERM.
// Options: --port <n> playground port (default 56150), --attach to use a bot already listening on PORT.

const DEFAULT_PLAYGROUND_PORT = 56150;
const STARTUP_TIMEOUT_MS = 60_000;

// The playground's own defaults are not GUIDs (e.g. tenant "…-0000000000001" has 13 digits), so they could
// never be put in ALLOWED_TENANT_IDS or ADMIN_AAD_OBJECT_IDS. These fixed, valid ids can.
export const PLAYGROUND_IDS = {
  tenantId: "00000000-0000-4000-8000-000000000001",
  botId: "00000000-0000-4000-8000-000000000011",
  userId: "user-id-0",
  userAadObjectId: "00000000-0000-4000-8000-000000000020",
  personalChatId: "playground-personal-chat",
  groupChatId: "playground-group-chat",
  teamId: "playground-team",
  teamAadGroupId: "00000000-0000-4000-8000-000000000031",
  channelId: "playground-channel-vus",
} as const;

const OTHER_USERS = [
  ["Erik Lindqvist", "erik.lindqvist"],
  ["Maria Nilsson", "maria.nilsson"],
  ["Johan Berg", "johan.berg"],
  ["Sara Holm", "sara.holm"],
  ["Karin Ek", "karin.ek"],
] as const;

/** Mock Teams context for the playground (its config file format, version 0.1.1), with Swedish names. */
function playgroundConfigYaml(): string {
  const user = (id: string, name: string, login: string, aad: string) => [
    `id: ${id}`,
    `name: ${name}`,
    `userPrincipleName: ${login}@example.com`,
    `aadObjectId: ${aad}`,
    `givenName: ${name.split(" ")[0]}`,
    `surname: ${name.split(" ")[1]}`,
    `email: ${login}@example.com`,
  ];
  const others = OTHER_USERS.map(([name, login], i) =>
    user(`user-id-${i + 1}`, name, login, `00000000-0000-4000-8000-00000000002${i + 1}`),
  );
  return [
    `# Written by scripts/playground.ts on every start; edit PLAYGROUND_IDS there instead.`,
    `version: "0.1.1"`,
    `tenantId: ${PLAYGROUND_IDS.tenantId}`,
    `bot:`,
    `  id: ${PLAYGROUND_IDS.botId}`,
    `  name: Samverkansboten`,
    `currentUser:`,
    ...user(PLAYGROUND_IDS.userId, "Anna Andersson", "anna.andersson", PLAYGROUND_IDS.userAadObjectId).map(
      (l) => `  ${l}`,
    ),
    `users:`,
    ...others.flatMap((lines) => lines.map((l, i) => `${i === 0 ? "  - " : "    "}${l}`)),
    `personalChat:`,
    `  id: ${PLAYGROUND_IDS.personalChatId}`,
    `groupChat:`,
    `  id: ${PLAYGROUND_IDS.groupChatId}`,
    `  name: VuS-gruppen (test)`,
    `team:`,
    `  id: ${PLAYGROUND_IDS.teamId}`,
    `  name: Samverkan vuxna (test)`,
    `  aadGroupId: ${PLAYGROUND_IDS.teamAadGroupId}`,
    `  channels:`,
    `    - id: ${PLAYGROUND_IDS.channelId}`,
    `      name: VuS`,
    ``,
  ].join("\n");
}

/** Where the bot listens, as seen from this machine. */
function botEndpoint(config: Pick<Config, "host" | "PORT">): string {
  const host =
    config.host === "0.0.0.0"
      ? "127.0.0.1"
      : config.host === "::"
        ? "[::1]"
        : config.host.includes(":")
          ? `[${config.host}]`
          : config.host;
  return `http://${host}:${config.PORT}/api/messages`;
}

function waitForPort(host: string, port: number, timeoutMs: number, stillRunning: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolvePort, reject) => {
    const attempt = () => {
      const socket = connect({ host: host.replace(/^\[|\]$/g, ""), port });
      socket.once("connect", () => {
        socket.destroy();
        resolvePort();
      });
      socket.once("error", () => {
        socket.destroy();
        if (!stillRunning()) reject(new Error("the bot exited before it started listening"));
        else if (Date.now() > deadline)
          reject(new Error(`nothing listens on ${host}:${port} after ${timeoutMs / 1000} s`));
        else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}

function isListening(host: string, port: number): Promise<boolean> {
  return waitForPort(host, port, 0, () => true).then(
    () => true,
    () => false,
  );
}

/** Resolves with the port from the playground's "Listening on <port>" line (it falls back to a random port if taken). */
function waitForListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolveListening, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the playground did not start within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    let buffered = "";
    let found = false;
    // Keep draining stdout after the match so the child never blocks on a full pipe.
    child.stdout!.on("data", (chunk: Buffer) => {
      if (found) return;
      buffered += chunk.toString();
      const match = /Listening on (\d+)/.exec(buffered);
      if (match) {
        found = true;
        clearTimeout(timer);
        resolveListening(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the playground exited with code ${code} before it started`));
    });
  });
}

/** Routes may be mounted just after the listen callback fires; poll until the API answers. */
async function waitForPlaygroundApi(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      // /_debug/ping is cheap; /_internal/v1/config would make the playground probe the bot each time.
      const res = await fetch(`http://127.0.0.1:${port}/_debug/ping`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the playground API on port ${port} did not answer`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopChild(child: ChildProcess | undefined, graceMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}

export interface PlaygroundOptions {
  config: Config;
  /** Port for the playground web UI and mock connector; it picks a random one if this is taken. */
  playgroundPort?: number;
  /** Start dist/bot/main.js (default) or use a bot already listening on config.PORT. */
  startBot?: boolean;
  /** Where the bot's output goes; the default is this process's stdout/stderr. */
  botStdio?: "inherit" | "ignore" | "pipe";
}

export interface RunningPlayground {
  url: string;
  port: number;
  botEndpoint: string;
  /** The bot's reply target: the playground's mock Bot Connector. */
  serviceUrl: string;
  bot?: ChildProcess;
  playground: ChildProcess;
  stop(): Promise<void>;
}

export async function startPlayground({
  config,
  playgroundPort = DEFAULT_PLAYGROUND_PORT,
  startBot = true,
  botStdio = "inherit",
}: PlaygroundOptions): Promise<RunningPlayground> {
  if (config.authEnabled) {
    // The playground would need a client secret and Entra ID (network) to mint tokens the bot accepts.
    throw new Error(
      "MicrosoftAppId is set, so the bot requires Bot Framework authentication, which the offline playground cannot provide. Unset MicrosoftAppId and MicrosoftAppPassword to use the playground.",
    );
  }
  const endpoint = botEndpoint(config);
  let bot: ChildProcess | undefined;
  let playground: ChildProcess | undefined;
  const stop = async () => {
    await Promise.all([stopChild(playground), stopChild(bot)]);
  };

  try {
    if (startBot) {
      const main = join(REPO_ROOT, "dist", "bot", "main.js");
      if (!existsSync(main)) throw new Error(`${main} not found: build first with "npm run build".`);
      // Otherwise the wait below would succeed against whatever already holds the port.
      if (await isListening(new URL(endpoint).hostname, config.PORT))
        throw new Error(
          `something already listens on ${endpoint}. Stop it, set PORT to a free port, or pass --attach to use that bot.`,
        );
      // Own process group: Ctrl-C reaches only this script, which then stops the bot exactly once.
      bot = spawn(process.execPath, [main], {
        cwd: REPO_ROOT,
        env: process.env,
        stdio: ["ignore", botStdio, botStdio],
        detached: true,
      });
      const running = bot;
      await waitForPort(
        new URL(endpoint).hostname,
        config.PORT,
        STARTUP_TIMEOUT_MS,
        () => running.exitCode === null && running.signalCode === null,
      );
    } else {
      if (!(await isListening(new URL(endpoint).hostname, config.PORT)))
        throw new Error(`--attach: no bot listens on ${endpoint}. Start it with "npm start".`);
    }

    const configFile = join(REPO_ROOT, "devTools", "playground-config.yml");
    await mkdir(dirname(configFile), { recursive: true });
    await writeFile(configFile, playgroundConfigYaml());
    const cli = join(dirname(require.resolve("@microsoft/m365agentsplayground/package.json")), "cli.js");
    playground = spawn(
      process.execPath,
      ["--no-deprecation", cli, "-e", endpoint, "-c", "msteams", "--disable-telemetry", "-p", String(playgroundPort)],
      {
        cwd: REPO_ROOT, // it logs to ./devTools/m365agentsplayground.log
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: "none", // print the URL instead of launching a browser
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
          TZ: "Europe/Stockholm", // sent to the bot as the client's time zone (clientInfo, localTimezone)
        },
        stdio: ["ignore", "pipe", "inherit"],
        detached: true,
      },
    );
    const port = await waitForListening(playground, STARTUP_TIMEOUT_MS);
    await waitForPlaygroundApi(port, STARTUP_TIMEOUT_MS);
    return {
      url: `http://localhost:${port}`,
      port,
      botEndpoint: endpoint,
      serviceUrl: `http://localhost:${port}/_connector`,
      bot,
      playground,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { port: { type: "string" }, attach: { type: "boolean", default: false } } });
  const playgroundPort = values.port === undefined ? DEFAULT_PLAYGROUND_PORT : Number(values.port);
  if (!Number.isInteger(playgroundPort) || playgroundPort < 1 || playgroundPort > 65535) {
    console.error(`--port must be a port number 1–65535, got "${values.port}"`);
    return 1;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }

  let running: RunningPlayground;
  try {
    running = await startPlayground({ config, playgroundPort, startBot: !values.attach });
  } catch (e) {
    console.error(`Playground not started: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }

  console.log(
    [
      "",
      `Microsoft 365 Agents Playground: ${running.url}`,
      `  bot endpoint: ${running.botEndpoint}`,
      `  signed in as Anna Andersson (AAD object id ${PLAYGROUND_IDS.userAadObjectId}, tenant ${PLAYGROUND_IDS.tenantId})`,
      `  log: devTools/m365agentsplayground.log`,
      running.bot
        ? "Ctrl-C stops the playground and the bot."
        : "Ctrl-C stops the playground (the attached bot keeps running).",
      "",
    ].join("\n"),
  );

  return new Promise<number>((resolveMain) => {
    let stopping = false;
    const shutdown = (code: number) => {
      if (stopping) return;
      stopping = true;
      running.stop().then(() => resolveMain(code));
    };
    process.once("SIGINT", () => shutdown(0));
    process.once("SIGTERM", () => shutdown(0));
    for (const [name, child] of [
      ["bot", running.bot],
      ["playground", running.playground],
    ] as const) {
      child?.once("exit", (code, signal) => {
        if (stopping) return;
        console.error(`The ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest.`);
        shutdown(1);
      });
    }
  });
}

if (require.main === module) runMain(main);
