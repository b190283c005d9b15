import type { Person } from "../bindings/Person";
import { call } from "./ipc";

/** The person using the app, or null before onboarding. */
export function getMe(): Promise<Person | null> {
  return call<Person | null>("get_me");
}

/** Saves the name of the person using the app; Rust trims and validates it. */
export function setMyName(name: string): Promise<Person> {
  return call<Person>("set_my_name", { name });
}

/** Tells Rust the home screen has drawn its data (once per start; the start-up benchmark's end). */
export function homeReady(): Promise<null> {
  return call<null>("home_ready");
}
