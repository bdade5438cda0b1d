// The backups' and recovery's channels: list, take and restore backups; a damaged ledger's recovery at start.
import { z } from 'zod';
import type { BackupKind } from '../domain';
import { channel } from './define';

export type { BackupKind } from '../domain';

/** A backup that passed its integrity check, with what a clerk needs to choose one. */
export interface BackupInfo {
  /** The file name inside backups/ (never a path: the main process resolves it). */
  name: string;
  kind: BackupKind;
  /** ISO time the backup was taken. */
  takenAt: string;
  size: number;
  /** 重点任务 and 工作内容 in the backup. */
  tasks: number;
  items: number;
  /** 推进情况 rows. */
  reports: number;
  /** The newest audit row: when, and what was done (a change set's label, else entity and action). */
  lastChange: { at: string; what: string } | null;
}

/** A file in backups/ that failed its check: reported so IT knows, never offered for a restore. */
export interface UnusableBackup {
  name: string;
  takenAt: string;
  size: number;
  problem: string;
}

export interface BackupList {
  backupsDir: string;
  backups: BackupInfo[];
  unusable: UnusableBackup[];
}

/** Why the ledger could not be opened at start (damaged, empty, not a ledger). */
export interface LedgerProblem {
  code: string;
  message: string;
  ledgerFile: string;
}

export interface RecoveryState {
  /** null when the ledger opened normally. */
  problem: LedgerProblem | null;
  /** The newest backup that passed its integrity check. */
  offer: BackupInfo | null;
  backupsDir: string;
  unusable: UnusableBackup[];
}

export interface RestoreOutcome {
  restored: BackupInfo;
  /** The backup of the ledger as it was just before the restore (restore it to go back), if there was one. */
  savedAs: string | null;
  /** The damaged file (and its journal) kept under a new name beside the ledger. */
  movedAside: string[];
}

const backupNameSchema = z
  .string()
  .regex(/^[^/\\]+\.sqlite$/, '请从列表中选择一个备份文件。')
  .refine((name) => name !== '..' && !name.startsWith('.'), '请从列表中选择一个备份文件。');

export const backupChannels = {
  'backups:list': channel<BackupList>()(z.object({})),
  'backups:create': channel<BackupInfo>()(z.object({})),
  'backups:restore': channel<RestoreOutcome>()(z.object({ name: backupNameSchema })),
  'recovery:state': channel<RecoveryState>()(z.object({})),
  'recovery:startEmpty': channel<{ movedAside: string[] }>()(z.object({})),
};
