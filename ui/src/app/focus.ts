/**
 * Moves focus to a heading when it appears, so a screen reader announces the new screen or
 * question. The heading needs tabindex="-1" to take focus without joining the tab order.
 */
export function focusOnMount(node: HTMLElement): void {
  node.focus({ preventScroll: false });
}
