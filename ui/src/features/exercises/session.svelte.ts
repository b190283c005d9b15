// One run of an exercise as the player shows it: the step, the answers as typed, and whether each
// has been saved. Every change goes to Rust at once (text after a short pause), so closing the app
// mid-exercise loses nothing and reopening resumes at the same step with the same answers.
import { explain, type Explained } from "../../api/errors";
import {
  finishExercise,
  moveInExercise,
  saveReflection,
  type Exercise,
  type ExerciseRun,
  type ReflectionAnswer,
} from "../../api/exercises";
import { DebouncedSave, type SaveStatus } from "./saver";

interface Answer {
  text: string;
  rating: number | null;
}

const keyOf = (step: number, promptId: string) => `${step}/${promptId}`;

export class ExerciseSession {
  readonly exercise: Exercise;
  readonly run: ExerciseRun;
  step = $state(0);
  answers: Record<string, Answer> = $state({});
  status: Record<string, SaveStatus> = $state({});
  error = $state<Explained | null>(null);
  busy = $state(false);
  /** Not state: the savers are never shown, only their statuses. */
  readonly #savers: Record<string, DebouncedSave<ReflectionAnswer | null>> = {};

  constructor(exercise: Exercise, run: ExerciseRun) {
    this.exercise = exercise;
    this.run = run;
    this.step = Math.min(Math.max(run.step, 0), exercise.steps.length);
    for (const r of run.reflections) {
      this.answers[keyOf(r.step, r.prompt_id)] = { text: r.text ?? "", rating: r.rating };
    }
  }

  get total(): number {
    return this.exercise.steps.length;
  }

  /** The step shown, or undefined on the finish screen. */
  get current() {
    return this.exercise.steps[this.step];
  }

  answer(promptId: string, step = this.step): Answer {
    return this.answers[keyOf(step, promptId)] ?? { text: "", rating: null };
  }

  statusOf(promptId: string): SaveStatus {
    return this.status[keyOf(this.step, promptId)] ?? "idle";
  }

  /** Written reflections so far, for the finish screen. */
  get written(): number {
    return Object.values(this.answers).filter((a) => a.text.trim() !== "").length;
  }

  type(promptId: string, text: string): void {
    this.#setAnswer(promptId, { text });
    this.#saver(promptId).change(text.trim() === "" ? null : { kind: "text", value: text });
  }

  /** Leaving a text box saves it without waiting. */
  blur(promptId: string): void {
    void this.#savers[keyOf(this.step, promptId)]?.flush();
  }

  rate(promptId: string, value: number): void {
    this.#setAnswer(promptId, { rating: value });
    const saver = this.#saver(promptId);
    saver.change({ kind: "rating", value });
    void saver.flush();
  }

  /** Saves what is waiting; false (with the error shown) when something could not be saved. */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all(Object.values(this.#savers).map((s) => s.flush()));
    return results.every(Boolean);
  }

  async move(to: number): Promise<void> {
    if (this.busy || to < 0 || to > this.total || to === this.step) return;
    await this.#work(async () => {
      await moveInExercise(this.run.id, to);
      this.step = to;
    });
  }

  async finish(checkInHabit: boolean): Promise<ExerciseRun | null> {
    let done: ExerciseRun | null = null;
    await this.#work(async () => {
      done = await finishExercise(this.run.id, checkInHabit);
    });
    return done;
  }

  async #work(job: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      if (!(await this.flushAll())) return;
      this.error = null;
      await job();
    } catch (err) {
      this.error = explain(err);
    } finally {
      this.busy = false;
    }
  }

  #setAnswer(promptId: string, change: Partial<Answer>): void {
    const key = keyOf(this.step, promptId);
    this.answers[key] = { ...(this.answers[key] ?? { text: "", rating: null }), ...change };
  }

  #saver(promptId: string): DebouncedSave<ReflectionAnswer | null> {
    const step = this.step;
    const key = keyOf(step, promptId);
    let saver = this.#savers[key];
    if (!saver) {
      saver = new DebouncedSave(
        (answer) => saveReflection(this.run.id, step, promptId, answer),
        (status, error) => {
          this.status[key] = status;
          if (status === "failed") this.error = explain(error);
          else if (status === "saved" && this.error) this.error = null;
        },
      );
      this.#savers[key] = saver;
    }
    return saver;
  }
}
