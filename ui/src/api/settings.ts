// App preferences kept outside the database.
import { call } from "./ipc";

/** Whether Leadback starts (in the tray) when I log in. Off unless I turned it on. */
export function getStartAtLogin(): Promise<boolean> {
  return call<boolean>("get_start_at_login");
}

/** Turns starting at login on or off; resolves to the setting as it now stands. */
export function setStartAtLogin(enabled: boolean): Promise<boolean> {
  return call<boolean>("set_start_at_login", { enabled });
}
