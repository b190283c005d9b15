// Words for the Instruments card: which instrument a row is, and one stance's alpha as a sentence.
import type { InstrumentSummary, StanceConsistency } from "../../api/instruments";

/** One instrument version, as a key for lists and the consistency picker. */
export function instrumentKey(instrument: Pick<InstrumentSummary, "id" | "version">): string {
  return `${instrument.id}@${instrument.version}`;
}

/** "alpha 0.83 over 24 complete assessments", or why there is no alpha yet. */
export function alphaLine(stance: StanceConsistency, min: number): string {
  const n = stance.assessments;
  const assessments = `${n} complete ${n === 1 ? "assessment" : "assessments"}`;
  if (stance.alpha !== null) return `alpha ${stance.alpha.toFixed(2)} over ${assessments}`;
  if (n < min) return `needs at least ${min} complete assessments (${n} so far)`;
  return `no alpha: the answers do not vary (${assessments})`;
}
