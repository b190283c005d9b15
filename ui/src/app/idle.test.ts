import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchIdle } from "./idle.svelte";

const MINUTE = 60_000;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function touch(type: string) {
  // Dispatched on the page, not the window: the watch listens in the capture phase.
  document.body.dispatchEvent(new Event(type, { bubbles: false }));
}

describe("the idle watch", () => {
  it("fires once, after the full time without activity", () => {
    const onidle = vi.fn();
    watchIdle(5 * MINUTE, onidle);
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onidle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onidle).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onidle).toHaveBeenCalledOnce();
  });

  it("starts again from each key, click, pointer movement, wheel or touch", () => {
    const onidle = vi.fn();
    watchIdle(5 * MINUTE, onidle);
    for (const type of ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"]) {
      vi.advanceTimersByTime(4 * MINUTE);
      touch(type);
    }
    expect(onidle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onidle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onidle).toHaveBeenCalledOnce();
  });

  it("keeps one timer however busy the person is", () => {
    const stop = watchIdle(5 * MINUTE, () => {});
    for (let i = 0; i < 100; i++) touch("pointermove");
    expect(vi.getTimerCount()).toBe(1);
    stop();
  });

  it("does nothing once stopped", () => {
    const onidle = vi.fn();
    const stop = watchIdle(MINUTE, onidle);
    stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onidle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
