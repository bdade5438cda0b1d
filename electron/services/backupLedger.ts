import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';

export const BACKUPS_KEPT = 14;

export interface BackupOutcome {
  created: string | null;
  removed: string[];
}

/** backups/ beside the database file. */
export function backupsDir(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'backups');
}

/**
 * Backs the ledger up at most once a calendar day (the first start of the day), with SQLite's online
 * backup so a consistent copy is taken even while the app writes, then keeps only the newest BACKUPS_KEPT.
 */
export async function backupIfDue(db: Db, dbFile: string, today: string, keep = BACKUPS_KEPT): Promise<BackupOutcome> {
  const dir = backupsDir(dbFile);
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.basename(dbFile).replace(/\.[^.]+$/, '');
  const pattern = new RegExp(`^${escapeRegExp(stem)}-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$`);
  const target = path.join(dir, `${stem}-${today}.sqlite`);
  let created: string | null = null;
  if (!fs.existsSync(target)) {
    const partial = target + '.partial';
    await db.backup(partial);
    fs.renameSync(partial, target);
    created = target;
  }
  const existing = fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .reverse();
  const removed = existing.slice(keep).map((f) => path.join(dir, f));
  for (const f of removed) fs.rmSync(f, { force: true });
  return { created, removed };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
