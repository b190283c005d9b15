import { cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach } from "vitest";

// jsdom's default styles leave <bdi> without a display, so accessible names would read it as a
// block (with spaces around it); browsers show it inline, as HTML's own style sheet says.
const inline = document.createElement("style");
inline.textContent = "bdi { display: inline; }";
document.head.append(inline);

afterEach(() => {
  cleanup();
  clearMocks();
});
