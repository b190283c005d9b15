// Reordering my habit list: pure helpers the Habits screen calls before telling Rust.

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at an edge. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}
