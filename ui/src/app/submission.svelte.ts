// A form being saved: busy while the save runs, so its buttons wait, and the error it ended with,
// explained for the notice under the form.
import { explain, type Explained } from "../api/errors";

export class Submission {
  busy = $state(false);
  error = $state<Explained | null>(null);

  /** The form's submit handler: runs `work` in place of the browser's submit, tracking both. */
  onsubmit(work: () => Promise<unknown>): (event: SubmitEvent) => Promise<void> {
    return async (event) => {
      event.preventDefault();
      this.busy = true;
      this.error = null;
      try {
        await work();
      } catch (err) {
        this.error = explain(err);
      } finally {
        this.busy = false;
      }
    };
  }
}
