// What the passphrase card says while it is filled in. Rust checks a new passphrase again and has
// the last word; these only say early why the button is not ready yet.

/** As Rust counts: characters, not counting spaces at either end. */
export const MIN_CHARACTERS = 8;

export interface NewPassphraseCheck {
  /** Something is typed, but too little. */
  short: boolean;
  /** The second field is typed and is not (or cannot become) the first. */
  mismatch: boolean;
  ready: boolean;
}

export function checkNew(next: string, confirm: string): NewPassphraseCheck {
  const length = [...next.trim()].length;
  const short = next !== "" && length < MIN_CHARACTERS;
  // Not while the second is still a beginning of the first: that is typing, not a mistake.
  const mismatch = confirm !== "" && confirm !== next && !(next.startsWith(confirm) && confirm.length < next.length);
  return { short, mismatch, ready: length >= MIN_CHARACTERS && confirm === next };
}

/** The idle times offered, with the one in use added when it was set elsewhere (the CLI). */
export function idleChoices(current: number | null): number[] {
  const choices = [5, 15, 30, 60];
  if (current !== null && !choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}

export function idleLabel(minutes: number): string {
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** What is said about the older backups that kept their passphrase; nothing when there are none. */
export function backupsNote(leftAlone: number): string {
  if (leftAlone <= 0) return "";
  if (leftAlone === 1) return "1 older backup was made with another passphrase and was left as it was.";
  return `${leftAlone} older backups were made with another passphrase and were left as they were.`;
}
