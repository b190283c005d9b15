// Keeping the data safe: backups, restoring one, exporting everything, and recovering when the
// database could not be opened. Rust checks every file; the UI only picks paths and confirms.
import type { BackupFile } from "../bindings/BackupFile";
import type { Backups } from "../bindings/Backups";
import type { ExportSummary } from "../bindings/ExportSummary";
import type { Recovery } from "../bindings/Recovery";
import { pickSavePath } from "./dialog";
import { call } from "./ipc";

export type { BackupFile } from "../bindings/BackupFile";
export type { BackupReason } from "../bindings/BackupReason";
export type { Backups } from "../bindings/Backups";
export type { ExportSummary } from "../bindings/ExportSummary";
export type { Recovery } from "../bindings/Recovery";

export function getBackups(): Promise<Backups> {
  return call<Backups>("get_backups");
}

export function backupNow(): Promise<BackupFile> {
  return call<BackupFile>("backup_now");
}

/** Replaces everything with a backup; returns the backup taken of what was there. */
export function restoreBackup(path: string): Promise<BackupFile | null> {
  return call<BackupFile | null>("restore_backup", { path });
}

export function openBackupsFolder(): Promise<null> {
  return call<null>("open_backups_folder");
}

export function exportEverything(path: string): Promise<ExportSummary> {
  return call<ExportSummary>("export_everything", { path });
}

/** Null when the data opened normally. */
export function getRecovery(): Promise<Recovery | null> {
  return call<Recovery | null>("get_recovery");
}

/** Sets the damaged file aside and opens the newest good backup in its place. */
export function recoverFromBackup(): Promise<BackupFile> {
  return call<BackupFile>("recover_from_backup");
}

/** Asks where to write the export; null when the person cancels. */
export function pickExportPath(defaultPath: string): Promise<string | null> {
  return pickSavePath("Export everything", defaultPath, { name: "Leadback export", extensions: ["json"] });
}
