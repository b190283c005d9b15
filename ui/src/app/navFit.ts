// How much of the main navigation fits on the header's one line. The header measures its items;
// this decides, so the rule can be tested without a browser's layout.

/**
 * How many of the items, in their order, to show in `available` pixels: all of them when they fit,
 * otherwise as many as fit beside the "More" button that holds the rest.
 */
export function itemsThatFit(widths: number[], available: number, gap: number, moreWidth: number): number {
  // Half a pixel of slack: widths are fractional and a rounding error must not push an item out.
  const room = available + 0.5;
  const all = widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1);
  if (all <= room) return widths.length;
  let used = moreWidth;
  let shown = 0;
  for (const width of widths) {
    if (used + gap + width > room) break;
    used += gap + width;
    shown += 1;
  }
  return shown;
}
