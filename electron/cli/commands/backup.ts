// `duban backup list|create|restore`: the functions behind 文件 → 从备份恢复… and 立即备份.
import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_KIND_LABELS,
  describeBackupContents,
  describeRestore,
  formatFileSize,
  formatLocalDateTime,
} from '../../../shared/backupFacts';
import { DomainError } from '../../../shared/errors';
import { openLedger, RECOVERABLE_OPEN_FAILURES, type Db } from '../../db/connection';
import { localToday } from '../../handlers/context';
import { backupsDir, listBackups, restoreFromBackup } from '../../services/backupLedger';
import { parseOptions, requireDb, UsageError, type CliIo } from '../args';
import { call, withCliApp } from '../cliApp';

export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseOptions(rest, {
    db: { type: 'string' },
    file: { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = requireDb(values);
  if (action === 'list') return listCommand(file, values.json === true, io);
  if (action === 'create') {
    return withCliApp(openLedger(file, { create: false }), file, { io, today: localToday() }, async (app) => {
      const made = await call(app, 'backups:create', {});
      io.out(`已备份：${path.join(backupsDir(file), made.name)}（${describeBackupContents(made)}）\n`);
      return 0;
    });
  }
  if (action === 'restore') return restoreCommand(file, values.file, io);
  throw new UsageError(`未知的备份操作“${action ?? ''}”：可用 list、create、restore。`);
}

/** As backups:list, which reads only the backups, never the ledger: it works while the ledger is damaged or in use. */
function listCommand(file: string, json: boolean, io: CliIo): number {
  const list = listBackups(file);
  if (json) {
    io.out(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  const lines = [`备份文件夹：${list.backupsDir}`];
  if (!list.backups.length) lines.push('  （没有可用的备份）');
  for (const b of list.backups) {
    const last = b.lastChange
      ? `最后一次修改：${formatLocalDateTime(b.lastChange.at)} ${b.lastChange.what}`
      : '没有修改记录';
    lines.push(
      `  ${formatLocalDateTime(b.takenAt)}  ${BACKUP_KIND_LABELS[b.kind]}  ${formatFileSize(b.size)}  ${describeBackupContents(b)}  ${last}  完好  ${b.name}`,
    );
  }
  if (list.unusable.length) {
    lines.push('未通过检查、不能用于恢复的备份：');
    for (const u of list.unusable) lines.push(`  ${u.name}：${u.problem}`);
  }
  io.out(lines.join('\n') + '\n');
  return 0;
}

/**
 * As backups:restore (restoreFromBackup), but from any ledger copy, not only one in backups/; a damaged,
 * empty or missing ledger is what a restore is for: it is moved aside, not backed up.
 */
function restoreCommand(file: string, backup: string | boolean | undefined, io: CliIo): number {
  const source = resolveBackupFile(file, backup);
  let current: Db | null = null;
  try {
    current = openLedger(file, { create: false });
  } catch (err) {
    const curable =
      err instanceof DomainError && (RECOVERABLE_OPEN_FAILURES.includes(err.code) || err.code === 'ledger_missing');
    if (!curable) throw err;
  }
  try {
    const outcome = restoreFromBackup({ ledgerFile: file, source, current });
    openLedger(file, { create: false }).close();
    io.out(describeRestore(outcome, `可运行 duban backup restore --db ${file} --file ${outcome.savedAs}`) + '\n');
    return 0;
  } finally {
    if (current?.open) current.close();
  }
}

/** --file names a backup in backups/ or any ledger copy; without it, the newest backup that passes its check. */
function resolveBackupFile(ledgerFile: string, file: string | boolean | undefined): string {
  if (typeof file === 'string') {
    if (fs.existsSync(file)) return path.resolve(file);
    const inFolder = path.join(backupsDir(ledgerFile), path.basename(file));
    if (fs.existsSync(inFolder)) return inFolder;
    throw new DomainError(
      'backup_missing',
      `找不到备份文件“${file}”（也不在“${backupsDir(ledgerFile)}”中）。请用 duban backup list 查看可用的备份。`,
    );
  }
  const newest = listBackups(ledgerFile).backups[0];
  if (!newest) throw new DomainError('backup_missing', `“${backupsDir(ledgerFile)}”中没有可用的备份。`);
  return path.join(backupsDir(ledgerFile), newest.name);
}
