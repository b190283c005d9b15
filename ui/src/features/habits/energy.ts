// The daily energy check-in's words for each level.

export const ENERGY_LEVELS = [1, 2, 3, 4, 5] as const;

export const ENERGY_WORDS: Record<number, string> = {
  1: "Drained",
  2: "Low",
  3: "Steady",
  4: "Good",
  5: "Full",
};

export function energyWords(level: number): string {
  return ENERGY_WORDS[level] ?? String(level);
}
