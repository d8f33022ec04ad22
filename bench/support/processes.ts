import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { createInterface } from "node:readline";

// Child processes for bench/http-bench.ts: start, read the one JSON line a helper prints, stop.

export interface Child {
  process: ChildProcess;
  /** stderr and non-JSON stdout, for the report when something fails. */
  log: string[];
}

/** Starts a process; resolves with its first JSON line on stdout (helpers print their URL that way). */
export function startWithLine<T>(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ child: Child; line: T }> {
  const proc = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ["ignore", "pipe", "pipe"] });
  const child: Child = { process: proc, log: [] };
  proc.stderr!.on("data", (d) => child.log.push(String(d)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    let done = false;
    lines.on("line", (l) => {
      if (done) return;
      try {
        const line = JSON.parse(l) as T;
        done = true;
        resolve({ child, line });
      } catch {
        child.log.push(l);
      }
    });
    proc.once("exit", (code) => {
      if (!done) reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${child.log.join("")}`));
    });
  });
}

/** Starts a process whose stdout is only collected. */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  const proc = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ["ignore", "pipe", "pipe"] });
  const child: Child = { process: proc, log: [] };
  const keep = (d: Buffer) => {
    child.log.push(String(d));
    if (child.log.length > 200) child.log.shift();
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  return child;
}

/** SIGTERM, then SIGKILL after the timeout; resolves when the process has exited. */
export function stop(child: Child, timeoutMs = 15_000): Promise<void> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
    proc.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    proc.kill("SIGTERM");
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Polls the URL until it answers 200; resolves with the milliseconds since `since`. */
export async function waitFor200(url: string, since: number, child: Child, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    if (child.process.exitCode !== null)
      throw new Error(`exited with ${child.process.exitCode}:\n${child.log.join("")}`);
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; 100 ticks per second). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
