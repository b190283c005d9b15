import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Countdown, describeDuration, formatClock, type Bell, type TimerState } from "./timer";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function countdown(seconds: number, every: number | null = null) {
  const bells: Bell[] = [];
  const states: TimerState[] = [];
  const timer = new Countdown(seconds, every, {
    onbell: (b) => bells.push(b),
    onchange: (s) => states.push(s),
  });
  return { timer, bells, states };
}

describe("the countdown", () => {
  it("waits to be started, then counts down and rings once at the end", () => {
    const { timer, bells } = countdown(3);
    expect(timer.state).toMatchObject({ remaining: 3, running: false, started: false, done: false });
    vi.advanceTimersByTime(5000);
    expect(timer.state.remaining).toBe(3);

    timer.start();
    vi.advanceTimersByTime(1000);
    expect(timer.state.remaining).toBe(2);
    vi.advanceTimersByTime(1999);
    expect(timer.state.remaining).toBe(1);
    expect(bells).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(timer.state).toMatchObject({ remaining: 0, running: false, done: true });
    expect(bells).toEqual(["end"]);
    vi.advanceTimersByTime(10_000);
    expect(bells).toEqual(["end"]);
  });

  it("stands still while paused and carries on from there when resumed", () => {
    const { timer } = countdown(60);
    timer.start();
    vi.advanceTimersByTime(10_000);
    timer.toggle();
    expect(timer.state).toMatchObject({ remaining: 50, running: false, started: true });
    vi.advanceTimersByTime(30_000);
    expect(timer.state.remaining).toBe(50);
    timer.toggle();
    vi.advanceTimersByTime(20_000);
    expect(timer.state).toMatchObject({ remaining: 30, running: true });
  });

  it("rings a soft bell at each interval before the end, and restarts from the top", () => {
    const { timer, bells } = countdown(10, 4);
    timer.start();
    vi.advanceTimersByTime(4100);
    expect(bells).toEqual(["interval"]);
    vi.advanceTimersByTime(4000);
    expect(bells).toEqual(["interval", "interval"]);
    vi.advanceTimersByTime(2000);
    expect(bells).toEqual(["interval", "interval", "end"]);

    timer.restart();
    expect(timer.state).toMatchObject({ remaining: 10, running: true, done: false });
    vi.advanceTimersByTime(4100);
    expect(bells).toEqual(["interval", "interval", "end", "interval"]);
  });

  it("reports each change and stops ticking when disposed", () => {
    const { timer, states } = countdown(5);
    timer.start();
    vi.advanceTimersByTime(1000);
    const seen = states.length;
    expect(seen).toBeGreaterThan(1);
    timer.dispose();
    vi.advanceTimersByTime(10_000);
    expect(states.length).toBe(seen + 1); // the pause, then nothing
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("formatting", () => {
  it("shows minutes and seconds, and hours only when needed", () => {
    expect(formatClock(245)).toBe("4:05");
    expect(formatClock(9)).toBe("0:09");
    expect(formatClock(3600)).toBe("1:00:00");
  });

  it("says a duration in words", () => {
    expect(describeDuration(180)).toBe("3 minutes");
    expect(describeDuration(90)).toBe("1 minute 30 seconds");
    expect(describeDuration(1)).toBe("1 second");
  });
});
