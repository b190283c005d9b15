/**
 * Runs `task` once the page has nothing more urgent to do: in the web view's next idle period
 * where it has them, otherwise after `fallbackMs`. For work that only prepares for later and must
 * not delay what a person is waiting for. Returns a function that cancels it if it hasn't run.
 */
export function whenIdle(task: () => void, fallbackMs = 250): () => void {
  if ("requestIdleCallback" in window) {
    const handle = window.requestIdleCallback(() => task(), { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, fallbackMs);
  return () => clearTimeout(handle);
}
