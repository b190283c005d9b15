// How backups read in the list: when, why and how big, in the person's own words and locale.
import { dateFormat } from "../../app/dates";
import type { BackupFile, BackupReason } from "../../api/data";

const REASONS: Record<BackupReason, string> = {
  daily: "Daily",
  "before-migration": "Before an upgrade",
  "before-import": "Before an import",
  "before-restore": "Before a restore",
  manual: "Made by you",
};

export function reasonLabel(reason: BackupReason): string {
  return REASONS[reason];
}

export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** The backup's time in the local time zone, e.g. "Sun 22 Nov 2026, 08:00". */
export function whenLabel(backup: BackupFile, locale?: string): string {
  return dateFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(backup.taken_at));
}

/** A file name for an export made today, e.g. "leadback-export-2026-11-22.json". */
export function exportFileName(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `leadback-export-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.json`;
}
