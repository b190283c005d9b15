import { call } from "./ipc";

/** Full screen on while a client answers at the coach's screen, off when the coach leaves. */
export function setClientMode(active: boolean): Promise<null> {
  return call<null>("set_client_mode", { active });
}
