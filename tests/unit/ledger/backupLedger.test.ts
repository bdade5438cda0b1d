// The daily backup: at most one a day, readable, beside the ledger, the newest 14 kept.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupIfDue, backupsDir } from '../../../electron/services/backupLedger';
import { freshLedger } from './helpers';

describe('daily backup', () => {
  it('copies the ledger at most once a day, readable, into backups/ beside it', async () => {
    const { ctx, file } = freshLedger({ demo: true });
    const first = await backupIfDue(ctx.db, file, '2026-11-23');
    expect(first.created).toBe(path.join(path.dirname(file), 'backups', 'duban-2026-11-23.sqlite'));
    const second = await backupIfDue(ctx.db, file, '2026-11-23');
    expect(second.created).toBeNull();
    const copy = new Database(first.created!, { readonly: true });
    expect((copy.prepare("SELECT COUNT(*) AS n FROM task WHERE level = 'item'").get() as { n: number }).n).toBe(45);
    copy.close();
  });

  it('keeps only the newest 14 backups', async () => {
    const { ctx, file } = freshLedger();
    for (let day = 1; day <= 20; day++) await backupIfDue(ctx.db, file, `2026-10-${String(day).padStart(2, '0')}`);
    const kept = fs.readdirSync(backupsDir(file)).sort();
    expect(kept).toHaveLength(14);
    expect(kept[0]).toBe('duban-2026-10-07.sqlite');
    expect(kept[13]).toBe('duban-2026-10-20.sqlite');
  });
});
