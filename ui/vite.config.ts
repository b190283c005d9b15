import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

// The Tauri shell serves ui/dist in release and loads the dev server (port 5173) in `tauri dev`.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // The bell lives in the repository's assets/, beside the other shipped content.
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../assets"] } },
  build: {
    // The oldest web view we support is WebKitGTK 2.40 (Debian 12), at the level of Safari 16.
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Never inline assets as data: URLs; the CSP only lets media come from the app itself.
    assetsInlineLimit: 0,
  },
  // Component tests run in jsdom: resolve Svelte's browser build there, not its server build.
  ...(process.env["VITEST"] ? { resolve: { conditions: ["browser"] } } : {}),
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
  },
});
