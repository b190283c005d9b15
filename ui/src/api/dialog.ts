// The system's file picker, the only plugin the web view may use (open, never save).
import { open } from "@tauri-apps/plugin-dialog";
import { ApiError } from "./ipc";

/** Asks for a Loop Habit Tracker backup or export; null when the person cancels. */
export async function pickLoopFile(): Promise<string | null> {
  try {
    const picked = await open({
      title: "Import from Loop Habit Tracker",
      multiple: false,
      directory: false,
      filters: [{ name: "Loop Habit Tracker", extensions: ["db", "zip"] }],
    });
    return typeof picked === "string" ? picked : null;
  } catch (raw) {
    throw new ApiError("internal", `The file picker could not open: ${String(raw)}`);
  }
}
