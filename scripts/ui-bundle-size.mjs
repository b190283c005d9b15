#!/usr/bin/env node
// How much UI the web view has to fetch and parse before the first screen, gzipped, and how much
// there is in all. Run it on a fresh `npm run build` (ui/dist); it fails when a budget is exceeded.
//
// The initial load is what index.html names (the entry script, its modulepreloads and stylesheets)
// plus every chunk those import statically, followed to the end. Screens behind `import()` are left
// out: they load when the user opens them. Sizes are gzip -9 of each file on its own, as a server
// would send them; the app reads them from disk, so gzip here is a yardstick for "how much code",
// comparable with what Vite prints, not a transfer cost.
//
// Usage: node scripts/ui-bundle-size.mjs [dist folder, default ui/dist]

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname, resolve, relative, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

// The budget the performance issue set for the first screen.
const INITIAL_BUDGET_KB = 250;
// Every screen together. Twice the first-screen budget: lazy screens cost nothing at start, but a
// total that grows past this means a heavy dependency slipped in somewhere, which is worth a look.
const TOTAL_BUDGET_KB = 500;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = resolve(process.argv[2] ?? join(root, "ui", "dist"));
const indexHtml = join(dist, "index.html");
if (!existsSync(indexHtml)) {
  console.error(`ui-bundle-size: ${relative(root, indexHtml)} not found; run 'npm run build' in ui first.`);
  process.exit(1);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const isCode = (name) => name.endsWith(".js") || name.endsWith(".css");

// Paths in index.html are absolute from the dist root ("/assets/x.js").
const html = readFileSync(indexHtml, "utf8");
const named = [
  ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*\srel="(?:modulepreload|stylesheet)"[^>]*\shref="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*\shref="([^"]+)"[^>]*\srel="(?:modulepreload|stylesheet)"/g),
].map((m) => m[1]);
if (!named.some((p) => p.endsWith(".js"))) {
  console.error("ui-bundle-size: index.html names no script; is this a Vite build?");
  process.exit(1);
}

// Static `import … from "./x.js"`, side-effect `import "./x.js"` and `export … from "./x.js"`.
// A dynamic `import("./x.js")` has a parenthesis after `import` and never matches.
const staticImport = /\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

const initial = new Set();
const queue = named.map((p) => join(dist, p.replace(/^\//, "")));
while (queue.length > 0) {
  const file = queue.pop();
  if (initial.has(file) || !isCode(file)) continue;
  if (!existsSync(file)) {
    console.error(`ui-bundle-size: ${relative(dist, file)} is referenced but missing`);
    process.exit(1);
  }
  initial.add(file);
  if (file.endsWith(".js")) {
    for (const m of readFileSync(file, "utf8").matchAll(staticImport)) {
      queue.push(join(dirname(file), ...m[1].split(posix.sep)));
    }
  }
}

const all = readdirSync(join(dist, "assets"))
  .filter(isCode)
  .map((name) => join(dist, "assets", name));
const sizes = new Map(all.map((file) => [file, gzipSize(file)]));
for (const file of initial) if (!sizes.has(file)) sizes.set(file, gzipSize(file));

const sum = (files) => [...files].reduce((total, file) => total + sizes.get(file), 0);
const initialBytes = sum(initial);
const totalBytes = sum(sizes.keys());

console.log("Initial load (gzip -9):");
for (const file of [...initial].sort((a, b) => sizes.get(b) - sizes.get(a))) {
  console.log(`  ${kb(sizes.get(file)).padStart(7)} KB  ${relative(dist, file)}`);
}
console.log(`UI initial load: ${kb(initialBytes)} KB gz in ${initial.size} files (budget ${INITIAL_BUDGET_KB} KB)`);
console.log(`UI total JS+CSS: ${kb(totalBytes)} KB gz in ${sizes.size} files (budget ${TOTAL_BUDGET_KB} KB)`);

let failed = false;
if (initialBytes > INITIAL_BUDGET_KB * 1024) {
  console.error(`ui-bundle-size: the initial load is over budget; lazy-load (import()) what the first screen does not need.`);
  failed = true;
}
if (totalBytes > TOTAL_BUDGET_KB * 1024) {
  console.error(`ui-bundle-size: all JS+CSS together is over budget; look for a heavy dependency.`);
  failed = true;
}
process.exit(failed ? 1 : 0);
