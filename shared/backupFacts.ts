// How a backup is described to a clerk, shared by the app's dialogs and the CLI's `backup list`.
import type { BackupInfo, BackupKind, RestoreOutcome } from './channels/backups';

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日自动备份',
  import: '导入推进情况表前',
  document: '保存政策文件前',
  migration: '升级数据结构前',
  restore: '从备份恢复前',
  manual: '手动备份',
  other: '其他备份',
};

/** Local wall-clock time, to the minute: what the clerk's own clock showed. */
export function formatLocalDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A backup in one phrase: “2026-11-23 14:30 的导入推进情况表前备份”. */
export function describeBackup(backup: Pick<BackupInfo, 'takenAt' | 'kind'>): string {
  const label = BACKUP_KIND_LABELS[backup.kind];
  return `${formatLocalDateTime(backup.takenAt)} 的${label.endsWith('备份') ? label : `${label}备份`}`;
}

/** What the backup holds, in the words of the task list. */
export function describeBackupContents(backup: Pick<BackupInfo, 'tasks' | 'items' | 'reports'>): string {
  return `重点任务 ${backup.tasks} 项、工作内容 ${backup.items} 项、推进情况 ${backup.reports} 条`;
}

/** What a restore did and how to go back, told once the window has re-opened the ledger. */
export function describeRestore(outcome: RestoreOutcome, howToRestore = '可在“文件 → 从备份恢复…”中选它恢复'): string {
  const back = outcome.savedAs ? `恢复前的台账已另存为备份“${outcome.savedAs}”，如需反悔，${howToRestore}。` : '';
  const aside = outcome.movedAside.length ? `无法使用的原文件已改名保留为“${outcome.movedAside[0]}”。` : '';
  return `已从 ${describeBackup(outcome.restored)}恢复台账。${back}${aside}`;
}
