// The player's keyboard: Space pauses or resumes the timer, → or Enter goes on, ← goes back,
// M mutes the bell. Never while typing a reflection, and never when the browser is about to
// press the focused button itself.

export type PlayerKey = "toggle" | "next" | "back" | "mute";

export function playerKey(event: KeyboardEvent): PlayerKey | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return null;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (target.isContentEditable || target.closest("input, textarea, select")) return null;
    const activates = event.key === "Enter" || event.key === " ";
    if (activates && target.closest("button, a, summary")) return null;
  }
  switch (event.key) {
    case " ":
      return "toggle";
    case "ArrowRight":
    case "Enter":
      return "next";
    case "ArrowLeft":
      return "back";
    case "m":
    case "M":
      return "mute";
    default:
      return null;
  }
}
