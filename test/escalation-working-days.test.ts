import { reminderDue, workingDaysSince } from "../dialogs/escalation/working-days";

describe("working days for reminders (Europe/Stockholm)", () => {
  it("counts full working days and reminds at 09:00 the next working day", () => {
    // Monday 7 Dec 2026, 14:00 Stockholm; two full working days (Tue, Wed) → Thursday 09:00.
    expect(reminderDue(new Date("2026-12-07T13:00:00Z"), 2).toISOString()).toBe("2026-12-10T08:00:00.000Z");
  });
  it("skips weekends", () => {
    // Thursday 3 Dec 2026: Fri + Mon → Tuesday 8 Dec 09:00.
    expect(reminderDue(new Date("2026-12-03T10:00:00Z"), 2).toISOString()).toBe("2026-12-08T08:00:00.000Z");
  });
  it("skips Christmas and New Year (julafton, juldagen, annandag jul, nyårsafton, nyårsdagen, trettondagen)", () => {
    // Wednesday 23 Dec 2026: 24–27 off, Mon 28 (1), Tue 29 (2) → Wed 30 Dec 09:00.
    expect(reminderDue(new Date("2026-12-23T10:00:00Z"), 2).toISOString()).toBe("2026-12-30T08:00:00.000Z");
    // Tuesday 29 Dec: Wed 30 (1), 31 Dec and 1 Jan off, Mon 4 Jan (2), Tue 5 Jan → reminder there.
    expect(reminderDue(new Date("2026-12-29T10:00:00Z"), 2).toISOString()).toBe("2027-01-05T08:00:00.000Z");
  });
  it("keeps 09:00 local across the change to summer time", () => {
    // Thursday 26 Mar 2026: Fri 27, Mon 30 → Tue 31 Mar 09:00 CEST = 07:00 UTC.
    expect(reminderDue(new Date("2026-03-26T10:00:00Z"), 2).toISOString()).toBe("2026-03-31T07:00:00.000Z");
  });
  it("tells the age of a question in working days", () => {
    expect(workingDaysSince(new Date("2026-12-07T13:00:00Z"), new Date("2026-12-07T15:00:00Z"))).toBe(0);
    expect(workingDaysSince(new Date("2026-12-04T13:00:00Z"), new Date("2026-12-08T15:00:00Z"))).toBe(1);
    expect(workingDaysSince(new Date("2026-12-07T13:00:00Z"), new Date("2026-12-10T08:00:00Z"))).toBe(2);
  });
});
