import { afterEach, describe, expect, it, vi } from "vitest";
import { whenIdle } from "./idle-task";

afterEach(() => vi.useRealTimers());

describe("work for when the page is idle", () => {
  it("runs later, not straight away, where the web view has no idle periods", () => {
    vi.useFakeTimers();
    const task = vi.fn();
    whenIdle(task, 250);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("can be called off before it runs", () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const cancel = whenIdle(task, 250);
    cancel();
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled();
  });
});
