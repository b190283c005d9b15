// The exercise bell, played with the Web Audio API from bytes bundled into the script.
//
// Why not <audio>: WebKitGTK (Linux) plays media elements through GStreamer, whose source element
// cannot read the scheme the app's own files are served from (tauri://localhost). There
// `new Audio(url).play()` failed with NotSupportedError (media error 4, "source not supported")
// before loading anything, though GStreamer's WAV parser and audio sinks were installed. Decoding
// bytes the page already holds needs no URL: it works there and everywhere else alike.
//
// The one preference, mute, is kept in localStorage, because it is about this machine's speakers,
// not the person's data.
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

/**
 * Where the bell is: nothing asked of it yet; its sound being decoded; ready to ring; ringing now;
 * or unable to play on this computer, with the reason in words.
 */
export type BellState =
  | { kind: "off" }
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "ringing" }
  | { kind: "failed"; reason: string };

/** The part of an AudioContext the bell uses. */
export type BellContext = Pick<
  AudioContext,
  "state" | "resume" | "decodeAudioData" | "createBufferSource" | "createGain" | "destination"
>;

/** The bell's sound file, as bytes. */
export async function bundledSound(): Promise<ArrayBuffer> {
  // A separate chunk, loaded when a timer first starts: the base64 costs nothing until then.
  const { default: dataUrl } = await import("../../../../assets/sounds/bell.wav?inline");
  const base64 = dataUrl.slice(dataUrl.indexOf(",") + 1);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
}

function defaultContext(): BellContext | null {
  return typeof AudioContext === "function" ? new AudioContext() : null;
}

/** An Error's or a DOMException's message (not every web view makes the latter an Error). */
function message(err: unknown): string {
  const text = typeof err === "object" && err !== null && "message" in err ? err.message : null;
  return typeof text === "string" && text !== "" ? text : String(err);
}

/**
 * One bell for the whole window (a page may hold only a few audio contexts). `prepare` it from a
 * click or key press (starting a timer): some web views start sound only from one. `ring` it later.
 */
export class ExerciseBell {
  state = $state<BellState>({ kind: "off" });
  /** How many bells have played to their end: sound went all the way through the audio output. */
  rung = $state(0);

  readonly #makeContext: () => BellContext | null;
  readonly #loadSound: () => Promise<ArrayBuffer>;
  #context: BellContext | null = null;
  #sound: AudioBuffer | null = null;
  #preparing: Promise<void> | null = null;

  constructor(makeContext: () => BellContext | null = defaultContext, loadSound = bundledSound) {
    this.#makeContext = makeContext;
    this.#loadSound = loadSound;
  }

  /** Opens the audio output and decodes the sound, once; a failure is kept and said, not retried. */
  prepare(): Promise<void> {
    this.#preparing ??= this.#prepare();
    return this.#preparing;
  }

  async #prepare(): Promise<void> {
    this.state = { kind: "loading" };
    let context: BellContext | null;
    try {
      context = this.#makeContext();
    } catch (err) {
      this.#fail(`sound could not be opened (${message(err)}).`);
      return;
    }
    if (!context) {
      this.#fail("this system's web view has no sound support (Web Audio).");
      return;
    }
    this.#context = context;
    try {
      if (context.state !== "running") await context.resume();
    } catch (err) {
      this.#fail(`no sound output could be started (${message(err)}).`);
      return;
    }
    if (context.state !== "running") {
      this.#fail(`no sound output could be started (it stayed ${context.state}).`);
      return;
    }
    try {
      this.#sound = await context.decodeAudioData(await this.#loadSound());
    } catch (err) {
      this.#fail(`its sound could not be read (${message(err)}).`);
      return;
    }
    this.state = { kind: "ready" };
  }

  #fail(reason: string) {
    this.state = { kind: "failed", reason };
  }

  /** Rings once; the interval bell is softer. Never throws: a failure shows in `state`. */
  async ring(bell: Bell): Promise<void> {
    await this.prepare();
    const context = this.#context;
    const sound = this.#sound;
    if (this.state.kind === "failed" || !context || !sound) return;
    try {
      const source = context.createBufferSource();
      source.buffer = sound;
      const volume = context.createGain();
      volume.gain.value = bell === "interval" ? 0.45 : 0.9;
      source.connect(volume).connect(context.destination);
      source.onended = () => {
        this.rung += 1;
        if (this.state.kind === "ringing") this.state = { kind: "ready" };
      };
      source.start();
      this.state = { kind: "ringing" };
    } catch (err) {
      this.#fail(`the sound could not start (${message(err)}).`);
    }
  }
}

export const bell = new ExerciseBell();
