// Sync between a person's computers through a folder their own sync tool keeps in step. Rust checks
// the folder and the code; long work (joining, syncing) runs off the window's thread and reports its
// progress through a channel of the call's own.
import { Channel } from "@tauri-apps/api/core";
import type { SyncOutcome } from "../bindings/SyncOutcome";
import type { SyncProgress } from "../bindings/SyncProgress";
import type { SyncStarted } from "../bindings/SyncStarted";
import type { SyncView } from "../bindings/SyncView";
import { call } from "./ipc";

export type { SyncDevice } from "../bindings/SyncDevice";
export type { SyncOutcome } from "../bindings/SyncOutcome";
export type { SyncProblem } from "../bindings/SyncProblem";
export type { SyncProgress } from "../bindings/SyncProgress";
export type { SyncRefused } from "../bindings/SyncRefused";
export type { SyncStarted } from "../bindings/SyncStarted";
export type { SyncStatus } from "../bindings/SyncStatus";
export type { SyncView } from "../bindings/SyncView";

type OnProgress = (progress: SyncProgress) => void;

function progressChannel(onProgress?: OnProgress): Channel<SyncProgress> {
  const channel = new Channel<SyncProgress>();
  if (onProgress) channel.onmessage = onProgress;
  return channel;
}

/** Where sync stands on this computer, and what went wrong the last time it ran. */
export function getSyncStatus(): Promise<SyncView> {
  return call<SyncView>("sync_status");
}

/**
 * Whether this computer is in a sync group, for confirmations that must say the other computers
 * are touched too; false when it cannot be told (a locked database says so elsewhere).
 */
export function inSyncGroup(): Promise<boolean> {
  return getSyncStatus().then(
    (view) => view.status.in_group,
    () => false,
  );
}

/** Starts a group in `folder` with this computer in it; resolves to the pairing code. */
export function startSync(folder: string): Promise<SyncStarted> {
  return call<SyncStarted>("sync_start", { folder });
}

/** Joins the group in `folder` with its pairing code, then brings in its records. */
export function joinSync(folder: string, code: string, onProgress?: OnProgress): Promise<SyncOutcome> {
  return call<SyncOutcome>("sync_join", { folder, code, onProgress: progressChannel(onProgress) });
}

/** Writes this computer's changes to the folder and applies the other computers'. */
export function syncNow(onProgress?: OnProgress): Promise<SyncOutcome> {
  return call<SyncOutcome>("sync_now", { onProgress: progressChannel(onProgress) });
}

/** A new pairing code for this computer's group, when the first is lost (the old one stops working). */
export function newSyncCode(): Promise<SyncStarted> {
  return call<SyncStarted>("sync_new_code");
}

/** Renames this computer in its group; resolves to the name as kept (trimmed). */
export function renameThisComputer(name: string): Promise<string> {
  return call<string>("sync_rename", { name });
}

/**
 * Takes another computer off the group's list (one that will not sync again), by its id; resolves
 * to its name.
 */
export function forgetComputer(computer: string): Promise<string> {
  return call<string>("sync_forget", { computer });
}

/** Stops syncing this computer; its data stays here. */
export function leaveSync(): Promise<null> {
  return call<null>("sync_leave");
}
