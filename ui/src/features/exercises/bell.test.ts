import { describe, expect, it, vi } from "vitest";
import { bundledSound, ExerciseBell, type BellContext } from "./bell.svelte";

/** A stand-in for an AudioContext: records what is played and lets a test end the sound. */
function fakeContext(options: { state?: AudioContextState; resume?: () => Promise<void>; decode?: () => Promise<AudioBuffer> } = {}) {
  const sound = { duration: 1.2 } as AudioBuffer;
  const played: { buffer: AudioBuffer | null; volume: number; end: () => void }[] = [];
  const context = {
    state: options.state ?? "suspended",
    destination: {} as AudioDestinationNode,
    resume: vi.fn(options.resume ?? (() => {
      context.state = "running";
      return Promise.resolve();
    })),
    decodeAudioData: vi.fn(options.decode ?? (() => Promise.resolve(sound))),
    createGain: () => {
      const gain = { gain: { value: 1 }, connect: (to: unknown) => to };
      return gain as unknown as GainNode;
    },
    createBufferSource: () => {
      let volume: { gain: { value: number } } | null = null;
      const source = {
        buffer: null as AudioBuffer | null,
        onended: null as (() => void) | null,
        connect: (to: { gain: { value: number } }) => (volume = to),
        start: () => played.push({ buffer: source.buffer, volume: volume?.gain.value ?? 1, end: () => source.onended?.() }),
      };
      return source as unknown as AudioBufferSourceNode;
    },
  };
  return { context: context as unknown as BellContext & { state: AudioContextState }, sound, played, raw: context };
}

const bytes = () => Promise.resolve(new ArrayBuffer(8));

describe("the exercise bell", () => {
  it("opens the sound output, decodes its sound once and plays it, the interval bell softer", async () => {
    const { context, sound, played, raw } = fakeContext();
    const bell = new ExerciseBell(() => context, bytes);
    expect(bell.state).toEqual({ kind: "off" });

    await bell.prepare();
    expect(bell.state).toEqual({ kind: "ready" });
    expect(raw.resume).toHaveBeenCalledOnce();

    await bell.ring("interval");
    expect(bell.state).toEqual({ kind: "ringing" });
    await bell.ring("end");
    expect(played.map((p) => [p.buffer, p.volume])).toEqual([
      [sound, 0.45],
      [sound, 0.9],
    ]);
    expect(raw.decodeAudioData).toHaveBeenCalledOnce();

    played.forEach((p) => p.end());
    expect(bell.rung).toBe(2);
    expect(bell.state).toEqual({ kind: "ready" });
  });

  it("rings even when nothing prepared it first", async () => {
    const { context, played } = fakeContext({ state: "running" });
    const bell = new ExerciseBell(() => context, bytes);
    await bell.ring("end");
    expect(played).toHaveLength(1);
  });

  it("says why when the web view has no Web Audio, and rings silently without throwing", async () => {
    const bell = new ExerciseBell(() => null, bytes);
    await bell.ring("end");
    expect(bell.state).toEqual({
      kind: "failed",
      reason: "this system's web view has no sound support (Web Audio).",
    });
  });

  it("says why when no sound output starts", async () => {
    const refused = fakeContext({ resume: () => Promise.reject(new Error("No audio device")) });
    const bell = new ExerciseBell(() => refused.context, bytes);
    await bell.prepare();
    expect(bell.state).toEqual({ kind: "failed", reason: "no sound output could be started (No audio device)." });

    const stuck = fakeContext({ resume: () => Promise.resolve() });
    const other = new ExerciseBell(() => stuck.context, bytes);
    await other.ring("end");
    expect(other.state).toEqual({ kind: "failed", reason: "no sound output could be started (it stayed suspended)." });
    expect(stuck.played).toEqual([]);
  });

  it("says why when the sound cannot be decoded, and does not try again at every bell", async () => {
    const { context, raw, played } = fakeContext({
      decode: () => Promise.reject(new DOMException("Unable to decode audio data", "EncodingError")),
    });
    const bell = new ExerciseBell(() => context, bytes);
    await bell.ring("interval");
    await bell.ring("end");
    expect(bell.state).toEqual({ kind: "failed", reason: "its sound could not be read (Unable to decode audio data)." });
    expect(raw.decodeAudioData).toHaveBeenCalledOnce();
    expect(played).toEqual([]);
  });
});

describe("the bundled sound", () => {
  it("is the WAV file's bytes", async () => {
    const view = new Uint8Array(await bundledSound());
    expect(new TextDecoder().decode(view.slice(0, 4))).toBe("RIFF");
    expect(new TextDecoder().decode(view.slice(8, 12))).toBe("WAVE");
    expect(view.byteLength).toBeGreaterThan(1000);
  });
});
