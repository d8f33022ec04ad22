import { BackgroundWrites } from "../core/background-writes";

describe("BackgroundWrites", () => {
  it("does not make the caller wait for a write, and idle() waits for it", async () => {
    const writes = new BackgroundWrites();
    let release!: () => void;
    let finished = false;
    await writes.run("test", () => new Promise<void>((r) => (release = r)).then(() => void (finished = true)));
    expect(writes.pending).toBe(1);
    const idle = writes.idle();
    release();
    await idle;
    expect(finished).toBe(true);
    expect(writes.pending).toBe(0);
  });

  it("makes the caller wait once the limit of writes is in flight", async () => {
    const writes = new BackgroundWrites(undefined, 1);
    const releases: (() => void)[] = [];
    const slow = () => new Promise<void>((r) => releases.push(r));
    await writes.run("first", slow);
    let secondReturned = false;
    const second = writes.run("second", slow).then(() => (secondReturned = true));
    await new Promise((r) => setImmediate(r));
    expect(secondReturned).toBe(false);
    releases.forEach((r) => r());
    await second;
    expect(secondReturned).toBe(true);
  });

  it("logs a failed write instead of failing the caller or idle()", async () => {
    const error = jest.fn();
    const writes = new BackgroundWrites({ error } as never);
    await writes.run("broken", () => Promise.reject(new Error("store down")));
    await writes.idle();
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ what: "broken" }), "background write failed");
  });

  it("idle(key) waits for the writes under that key only", async () => {
    const writes = new BackgroundWrites();
    let releaseA!: () => void;
    await writes.run("a", () => new Promise<void>((r) => (releaseA = r)), "a");
    await writes.run("b", () => new Promise<void>(() => undefined), "b");
    let aDone = false;
    const a = writes.idle("a").then(() => (aDone = true));
    await new Promise((r) => setImmediate(r));
    expect(aDone).toBe(false);
    releaseA();
    await a;
    expect(writes.pending).toBe(1);
  });
});
