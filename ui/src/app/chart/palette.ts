// Chart colours come from the theme's CSS variables, so charts follow light and dark mode.

export interface Palette {
  /** Chart.js's default font for every chart, set once when it loads (chartjs.ts). */
  font: string;
  text: string;
  muted: string;
  grid: string;
  accent: string;
  earlier: string;
  front: string;
  behind: string;
  servant: string;
  rest: string;
  surface: string;
  skipFill: string;
  missFill: string;
}

const VARIABLES: Record<keyof Palette, string> = {
  font: "--font",
  text: "--text",
  muted: "--muted",
  grid: "--line",
  accent: "--accent",
  earlier: "--earlier",
  front: "--front",
  behind: "--behind",
  servant: "--servant",
  rest: "--rest",
  surface: "--surface",
  skipFill: "--skip-fill",
  missFill: "--miss-fill",
};

/** Reads the palette through `read` (a CSS variable's value), falling back to plain grey. */
export function paletteFrom(read: (variable: string) => string): Palette {
  const entries = Object.entries(VARIABLES).map(([key, variable]) => {
    const value = read(variable).trim();
    if (key === "font") return [key, canvasFont(value)];
    return [key, value || "#777777"];
  });
  return Object.fromEntries(entries) as unknown as Palette;
}

/**
 * The theme's font stack cut to its first family and its generic fallback: "system-ui,
 * sans-serif" for ours. Text on the page is drawn in the first family the engine has, and every
 * engine the app runs in has system-ui, so a chart's text matches the page's. The cut matters
 * because a canvas resolves its font afresh whenever a chart sets it, and WebKitGTK looked up
 * every family of the whole stack: 20–30 ms more for the first chart of a session.
 */
export function canvasFont(stack: string): string {
  const families = stack
    .split(",")
    .map((family) => family.trim())
    .filter((family) => family !== "");
  const first = families[0];
  const generic = families.at(-1);
  if (first === undefined || generic === undefined) return "sans-serif";
  return first === generic ? first : `${first}, ${generic}`;
}

/** The palette as the element currently sees it. */
export function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  return paletteFrom((variable) => style.getPropertyValue(variable));
}

/** A see-through version of a #rrggbb colour for fills; other colour forms are returned as is. */
export function withAlpha(color: string, alpha: number): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return color;
  const byte = Math.round(Math.min(Math.max(alpha, 0), 1) * 255);
  return color + byte.toString(16).padStart(2, "0");
}
