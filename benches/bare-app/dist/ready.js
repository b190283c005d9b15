// Tell Rust the page is up after its first paint, as Leadback does once its home screen has data.
requestAnimationFrame(() =>
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("ready")),
);
