// The exercise bell: a short sound bundled with the app (CSP media-src 'self'), and the one
// preference kept in localStorage, because it is about this machine's speakers, not the person's data.
import SOUND from "../../../../assets/sounds/bell.wav?url";
import type { Bell } from "./timer";

const MUTE_KEY = "leadback.exercise-bell.muted";

export function loadMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === "true";
  } catch {
    return false;
  }
}

export function saveMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, String(muted));
  } catch {
    // Private or full storage: the toggle still works until the window closes.
  }
}

/** Plays the bell; the interval bell is softer. A sound that cannot play is not worth an error. */
export function ring(bell: Bell): void {
  try {
    const audio = new Audio(SOUND);
    audio.volume = bell === "interval" ? 0.45 : 0.9;
    const playing = audio.play() as Promise<void> | undefined;
    playing?.catch(() => {});
  } catch {
    // No audio output: the timer's text still says the time is up.
  }
}
