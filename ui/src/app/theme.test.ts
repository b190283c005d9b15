// Both colour schemes, checked against WCAG contrast: 4.5:1 for text, 3:1 for chart lines,
// swatches and the focus ring. Reads theme.css itself, so a new colour cannot skip the check.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Read from disk: Vitest hands CSS imports to tests as empty strings.
const css = readFileSync(join(import.meta.dirname, "theme.css"), "utf8");

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1], m[2]]));
}

const light = variables(css.slice(0, css.indexOf("@media")));
const darkBlock = /@media \(prefers-color-scheme: dark\)\s*\{([\s\S]*?)\n\}/.exec(css)?.[1] ?? "";
const dark = { ...light, ...variables(darkBlock) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT: [string, string][] = [
  ["text", "bg"],
  ["text", "surface"],
  ["muted", "bg"],
  ["muted", "surface"],
  ["accent", "surface"],
  ["accent-text", "accent"],
  ["text", "accent-soft"],
  ["danger", "danger-soft"],
  ["danger", "surface"],
];
const GRAPHICS: [string, string][] = [
  ["front", "surface"],
  ["behind", "surface"],
  ["servant", "surface"],
  ["rest", "surface"],
  ["earlier", "surface"],
  ["accent", "surface"],
  ["focus", "bg"],
];

describe.each([
  ["light", light],
  ["dark", dark],
])("the %s scheme", (_name, colors) => {
  const pick = (n: string) => {
    const c = colors[n];
    if (!c) throw new Error(`--${n} is not defined as a #rrggbb colour`);
    return c;
  };

  it.each(TEXT)("shows --%s on --%s as readable text", (fg, bg) => {
    expect(contrast(pick(fg), pick(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(GRAPHICS)("draws --%s on --%s so it can be seen", (fg, bg) => {
    expect(contrast(pick(fg), pick(bg))).toBeGreaterThanOrEqual(3);
  });
});

it("gives every stance colour a dark-mode variant", () => {
  for (const name of ["front", "behind", "servant", "rest", "earlier"]) {
    expect(variables(darkBlock)[name], `--${name}`).toBeDefined();
  }
});
