export { ApiError } from "./ipc";
export { explain, type Explained } from "./errors";
export { getMe, setMyName } from "./profile";
export type { Person } from "../bindings/Person";
export type { ErrorCode } from "../bindings/ErrorCode";
