// End-to-end tests of the real app: WebdriverIO talks to tauri-driver, which starts the built binary
// through WebKitWebDriver. Every run gets its own data and XDG folders, so nothing leaks between
// runs or into the developer's own Leadback data.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const application = path.resolve(process.env.LEADBACK_APP ?? path.join(root, "target/debug/leadback-app"));
const tauriDriver =
  process.env.TAURI_DRIVER ?? path.join(os.homedir(), ".cargo", "bin", "tauri-driver");

// The launcher makes the folder; its workers inherit the variable and so share it.
process.env.LEADBACK_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "leadback-e2e-"));
const runDir = process.env.LEADBACK_E2E_DIR;
process.env.LEADBACK_E2E_SCREENSHOTS ??= path.join(here, "screenshots");

function isolatedEnv() {
  const dir = (name) => {
    const full = path.join(runDir, name);
    fs.mkdirSync(full, { recursive: true, mode: 0o700 });
    return full;
  };
  return {
    ...process.env,
    LEADBACK_DATA_DIR: dir("data"),
    // Starting at login writes under ~/.config/autostart: a home of the run's own.
    HOME: dir("home"),
    XDG_DATA_HOME: dir("xdg-data"),
    XDG_CONFIG_HOME: dir("xdg-config"),
    XDG_CACHE_HOME: dir("xdg-cache"),
    XDG_STATE_HOME: dir("xdg-state"),
    XDG_RUNTIME_DIR: dir("xdg-runtime"),
    DBUS_SESSION_BUS_ADDRESS: "unix:path=/nonexistent",
    NO_AT_BRIDGE: "1",
  };
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForPorts(ports, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    const open = await Promise.all(ports.map(portOpen));
    if (open.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error(`tauri-driver ports ${ports} did not open`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let driver;

export const config = {
  runner: "local",
  hostname: "127.0.0.1",
  port: 4444,
  specs: ["./specs/**/*.e2e.js"],
  maxInstances: 1,
  capabilities: [
    {
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application },
    },
  ],
  logLevel: "warn",
  waitforTimeout: 10_000,
  connectionRetryCount: 2,
  framework: "mocha",
  mochaOpts: { ui: "bdd", timeout: 120_000 },
  reporters: ["spec"],

  onPrepare: async () => {
    if (!fs.existsSync(application)) {
      throw new Error(`No app at ${application}: build it first (make test does).`);
    }
    fs.mkdirSync(process.env.LEADBACK_E2E_SCREENSHOTS, { recursive: true });
    driver = spawn(tauriDriver, ["--native-driver", "/usr/bin/WebKitWebDriver"], {
      env: isolatedEnv(),
      stdio: ["ignore", "inherit", "inherit"],
    });
    // tauri-driver listens on 4444 before its native driver is up on 4445; wait for both.
    await waitForPorts([4444, 4445], driver, 30_000);
  },

  // A failed test leaves a picture of the window behind (never waiting long: a capture of a
  // full-screen window without a window manager does not return).
  afterTest: async (test, _context, { passed }) => {
    if (passed) return;
    const name = `failed-${test.title.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}.png`;
    const file = path.join(process.env.LEADBACK_E2E_SCREENSHOTS, name);
    await Promise.race([
      browser.saveScreenshot(file).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 5_000)),
    ]);
  },

  onComplete: () => {
    driver?.kill();
    fs.rmSync(runDir, { recursive: true, force: true });
  },
};
