// The system's file pickers, the only plugin the web view may use: choosing a file to read, or
// where to write one. Rust checks every path it is given.
import { open, save } from "@tauri-apps/plugin-dialog";
import { ApiError } from "./ipc";

/** Asks for one file to read; null when the person cancels. */
export async function pickOpenPath(
  title: string,
  filter: { name: string; extensions: string[] },
): Promise<string | null> {
  try {
    const picked = await open({ title, multiple: false, directory: false, filters: [filter] });
    return typeof picked === "string" ? picked : null;
  } catch (raw) {
    throw new ApiError("internal", `The file picker could not open: ${String(raw)}`);
  }
}

/** Asks for a Loop Habit Tracker backup or export; null when the person cancels. */
export function pickLoopFile(): Promise<string | null> {
  return pickOpenPath("Import from Loop Habit Tracker", { name: "Loop Habit Tracker", extensions: ["db", "zip"] });
}

/** Asks for an instrument file (TOML); null when the person cancels. */
export function pickInstrumentFile(): Promise<string | null> {
  return pickOpenPath("Import an instrument", { name: "Instrument", extensions: ["toml"] });
}

/** Asks for a folder; null when the person cancels. */
export async function pickFolder(title: string): Promise<string | null> {
  try {
    const picked = await open({ title, multiple: false, directory: true });
    return typeof picked === "string" ? picked : null;
  } catch (raw) {
    throw new ApiError("internal", `The folder picker could not open: ${String(raw)}`);
  }
}

/** Asks where to write a file; null when the person cancels. */
export async function pickSavePath(
  title: string,
  defaultPath: string,
  filter: { name: string; extensions: string[] },
): Promise<string | null> {
  try {
    const picked = await save({ title, defaultPath, filters: [filter] });
    return typeof picked === "string" ? picked : null;
  } catch (raw) {
    throw new ApiError("internal", `The save dialog could not open: ${String(raw)}`);
  }
}
