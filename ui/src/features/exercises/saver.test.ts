import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DebouncedSave, type SaveStatus } from "./saver";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function saver(save: (v: string) => Promise<unknown>) {
  const statuses: SaveStatus[] = [];
  return { s: new DebouncedSave(save, (status) => statuses.push(status), 400), statuses };
}

describe("saving as the person types", () => {
  it("saves only the last value, 400 ms after the last change", async () => {
    const save = vi.fn(() => Promise.resolve());
    const { s, statuses } = saver(save);
    s.change("H");
    vi.advanceTimersByTime(300);
    s.change("Hi");
    vi.advanceTimersByTime(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledExactlyOnceWith("Hi");
    expect(statuses.at(-1)).toBe("saved");
  });

  it("saves at once on flush, one save after another, and is saved only when the newest is", async () => {
    const order: string[] = [];
    let release = () => {};
    const save = vi.fn(
      (v: string) =>
        new Promise<void>((resolve) => {
          order.push(`start ${v}`);
          release = () => {
            order.push(`end ${v}`);
            resolve();
          };
        }),
    );
    const { s, statuses } = saver(save);
    s.change("a");
    const first = s.flush();
    s.change("ab");
    const second = s.flush();
    await Promise.resolve();
    expect(order).toEqual(["start a"]);
    release();
    await first;
    expect(statuses).not.toContain("saved");
    release();
    expect(await second).toBe(true);
    expect(order).toEqual(["start a", "end a", "start ab", "end ab"]);
    expect(statuses.at(-1)).toBe("saved");
  });

  it("reports a failure and tries the same value again on the next flush", async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error("disk full")).mockResolvedValue(null);
    const { s, statuses } = saver(save);
    s.change("x");
    expect(await s.flush()).toBe(false);
    expect(statuses.at(-1)).toBe("failed");
    expect(await s.flush()).toBe(true);
    expect(save.mock.calls).toEqual([["x"], ["x"]]);
  });

  it("never retries an older value over a newer one", async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error("busy")).mockResolvedValue(null);
    const { s } = saver(save);
    s.change("old");
    void s.flush();
    s.change("new");
    expect(await s.flush()).toBe(true);
    expect(await s.flush()).toBe(true);
    expect(save.mock.calls).toEqual([["old"], ["new"]]);
  });
});
