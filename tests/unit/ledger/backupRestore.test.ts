// Finding 2 and the restore feature: event backups, retention, failures the clerk is told about, and a
// restore that never lets a stale -wal be replayed onto the copy and can itself be undone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupList, RestoreOutcome } from '../../../shared/channels/backups';
import { createContext } from '../../../electron/db/audit';
import { DAILY_KEPT, EVENT_KEPT, writeEventBackup } from '../../../electron/db/backupFiles';
import { openLedger } from '../../../electron/db/connection';
import { loadMigrations, migrate } from '../../../electron/db/migrate';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { dispatch } from '../../../electron/handlers/dispatch';
import { openAppLedger } from '../../../electron/openAppLedger';
import {
  backupIfDue,
  backupsDir,
  createBackup,
  dailyBackupAtStart,
  listBackups,
} from '../../../electron/services/backupLedger';
import { defaultSavePlan, reviewDocument } from '../../../electron/services/documents/reviewDocument';
import { scribble } from '../../harness/ledgerFaults';
import { scriptedShell } from '../../harness/scriptedShell';
import { tempDir } from './helpers';
import { heldReturn } from '../returns/heldReturn';
import assert from 'node:assert';

const bin = path.resolve(__dirname, '../../../electron/cli/duban.cjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

function startApp(file = path.join(tempDir(), 'duban.sqlite')) {
  return openAppLedger({
    ledgerFile: file,
    runtime: 'browser-harness',
    version: 'test',
    demoIfEmpty: true,
    today: () => '2026-11-23',
    shell: scriptedShell(path.join(tempDir(), 'out')),
  });
}

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;
const unitNamed = (db: Database.Database, name: string) =>
  count(db, `SELECT COUNT(*) AS n FROM unit WHERE name = '${name}'`);

async function ok<T>(promise: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error?.message);
  return result.data as T;
}

describe('restoring after a crash (finding 2)', () => {
  it('a backup restored over a ledger a crash left with its -wal holds exactly the backup, intact, and the crash state is kept as a backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'duban.sqlite');
    expect(cli('demo', '--db', file).status).toBe(0);
    expect(cli('backup', 'create', '--db', file).status).toBe(0);
    const [backup] = fs.readdirSync(backupsDir(file));
    assert(backup);

    // A "crash": writes sit in the -wal when the process dies, never checkpointed into the file.
    const live = new Database(file);
    live.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 50; i++) live.prepare('INSERT INTO unit (name) VALUES (?)').run(`崩溃前新增的单位${i}`);
    const crashed = path.join(tempDir(), 'duban.sqlite');
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(file + suffix, crashed + suffix);
    live.close();
    fs.mkdirSync(backupsDir(crashed));
    fs.copyFileSync(path.join(backupsDir(file), backup), path.join(backupsDir(crashed), backup));
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);

    const restored = cli('backup', 'restore', '--db', crashed, '--file', backup);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('恢复前的台账已另存为备份');
    expect(fs.existsSync(`${crashed}-wal`)).toBe(false);
    const db = openLedger(crashed, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count(db, "SELECT COUNT(*) AS n FROM unit WHERE name LIKE '崩溃前新增的单位%'")).toBe(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM unit')).toBe(38);
    db.close();
    // Nothing is lost: what the crash left (with its -wal replayed) is the 'restore' backup.
    const saved = listBackups(crashed).backups.find((b) => b.kind === 'restore')!;
    const before = openLedger(path.join(backupsDir(crashed), saved.name), { readonly: true });
    expect(count(before, "SELECT COUNT(*) AS n FROM unit WHERE name LIKE '崩溃前新增的单位%'")).toBe(50);
    before.close();
  });

  it('a damaged ledger with a stale -wal is moved aside with its -wal, and the restored copy opens clean', () => {
    const dir = tempDir();
    const file = path.join(dir, 'duban.sqlite');
    expect(cli('demo', '--db', file).status).toBe(0);
    expect(cli('backup', 'create', '--db', file).status).toBe(0);
    const live = new Database(file);
    live.pragma('wal_autocheckpoint = 0');
    live.prepare("INSERT INTO unit (name) VALUES ('县档案馆')").run();
    const wal = fs.readFileSync(`${file}-wal`);
    live.close();
    scribble(file);
    fs.writeFileSync(`${file}-wal`, wal);

    const restored = cli('backup', 'restore', '--db', file);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('已改名保留为');
    const kept = fs.readdirSync(dir).filter((f) => f.startsWith('duban.sqlite.damaged-'));
    expect(kept.some((f) => f.endsWith('-wal'))).toBe(true);
    const db = openLedger(file, { create: false });
    expect(count(db, 'SELECT COUNT(*) AS n FROM unit')).toBe(38);
    db.close();
  });
});

describe('restore in the app', () => {
  it('restores a backup, and restoring the backup it took first brings back the ledger as it was', async () => {
    const ctx = startApp();
    await ok(dispatch(ctx, 'backups:create', {}));
    await ok(dispatch(ctx, 'units:create', { name: '县档案馆', kind: 'county_department' }));
    const manual = (await ok<BackupList>(dispatch(ctx, 'backups:list', {}))).backups.find((b) => b.kind === 'manual')!;
    expect(manual).toMatchObject({ tasks: 14, items: 45, reports: 10 });

    const first = await ok<RestoreOutcome>(dispatch(ctx, 'backups:restore', { name: manual.name }));
    expect(unitNamed(ctx.ledger.db, '县档案馆')).toBe(0);
    expect(first.savedAs).toMatch(/-restore\.sqlite$/);
    const list = await ok<BackupList>(dispatch(ctx, 'backups:list', {}));
    // The backup of the ledger before the restore says what was done last in it.
    expect(list.backups.find((b) => b.name === first.savedAs)?.lastChange?.what).toBe('新增责任单位 县档案馆');

    await ok(dispatch(ctx, 'backups:restore', { name: first.savedAs! }));
    expect(unitNamed(ctx.ledger.db, '县档案馆')).toBe(1);
    expect(ctx.ledger.db.pragma('integrity_check', { simple: true })).toBe('ok');
    ctx.ledger.db.close();
  });

  it('a backup that fails its integrity check is reported, never offered, and refused for a restore', async () => {
    const ctx = startApp();
    const good = createBackup(ctx.ledger.db, ctx.ledgerFile, new Date(2026, 10, 20, 9, 0, 0));
    const bad = createBackup(ctx.ledger.db, ctx.ledgerFile, new Date(2026, 10, 21, 9, 0, 0));
    scribble(path.join(backupsDir(ctx.ledgerFile), bad.name));
    const list = await ok<BackupList>(dispatch(ctx, 'backups:list', {}));
    expect(list.backups.map((b) => b.name)).toEqual([good.name]);
    expect(list.unusable).toEqual([
      expect.objectContaining({ name: bad.name, problem: expect.stringContaining('完整性检查未通过') }),
    ]);
    const refused = await dispatch(ctx, 'backups:restore', { name: bad.name });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup_unusable' } });
    expect(unitNamed(ctx.ledger.db, '县财政局')).toBe(1);
    ctx.ledger.db.close();
  });

  it('a name reaching outside backups/ is refused before any file is touched', async () => {
    const ctx = startApp();
    const refused = await dispatch(ctx, 'backups:restore', { name: '../duban.sqlite' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/[\u4e00-\u9fa5]/);
    ctx.ledger.db.close();
  });
});

describe('event backups', () => {
  it('saving a policy document and committing returns each take a backup of the ledger as it was just before', async () => {
    const ctx = startApp();
    const data = fs.readFileSync(path.resolve(__dirname, '../../fixtures/documents/wenshui-measures-2023-57.docx'));
    const review = await reviewDocument(ctx.ledger, '若干措施.docx', data);
    await ok(dispatch(ctx, 'documents:save', defaultSavePlan(review)));

    const snap = readLedgerSnapshot(ctx.ledger);
    const round = snap.rounds.find((r) => !r.closed)!;
    const unitId = snap.roundUnits.find((ru) => ru.roundId === round.id)!.unitId;
    const task = snap.tasks.find(
      (t) =>
        t.level === 'item' &&
        !snap.reports.some((r) => r.taskId === t.id && r.unitId === unitId && r.roundId === round.id),
    )!;
    const file = { fileName: '沙溪镇.xlsx', sha256: 'a'.repeat(64), size: 10, unitId };
    const row = {
      taskId: task.id,
      status: '推进中' as const,
      percent: 50,
      progress: '已完成摸底。',
      problems: '',
      nextSteps: '',
    };
    await ok(dispatch(ctx, 'returns:commit', { roundId: round.id, files: [heldReturn(ctx, round.id, file, [row])] }));

    const list = listBackups(ctx.ledgerFile).backups;
    const document = list.find((b) => b.kind === 'document')!;
    const imported = list.find((b) => b.kind === 'import')!;
    const docs = (name: string) => {
      const db = openLedger(path.join(backupsDir(ctx.ledgerFile), name), { readonly: true });
      const n = {
        documents: count(db, 'SELECT COUNT(*) AS n FROM policy_document'),
        reports: count(db, 'SELECT COUNT(*) AS n FROM progress_report'),
      };
      db.close();
      return n;
    };
    expect(docs(document.name)).toEqual({ documents: 1, reports: 10 });
    expect(docs(imported.name)).toEqual({ documents: 2, reports: 10 });
    expect(count(ctx.ledger.db, 'SELECT COUNT(*) AS n FROM progress_report')).toBe(11);
    ctx.ledger.db.close();
  });

  it('keeps the newest 14 daily and the last 10 event backups, counted apart', async () => {
    const ctx = startApp();
    for (let day = 1; day <= 20; day++)
      await backupIfDue(ctx.ledger.db, ctx.ledgerFile, `2026-10-${String(day).padStart(2, '0')}`);
    for (let i = 0; i < 13; i++) createBackup(ctx.ledger.db, ctx.ledgerFile, new Date(2026, 10, 1, 9, i, 0));
    const names = fs.readdirSync(backupsDir(ctx.ledgerFile));
    expect(names.filter((n) => /-\d{4}-\d{2}-\d{2}\.sqlite$/.test(n))).toHaveLength(DAILY_KEPT);
    const events = names.filter((n) => n.endsWith('-manual.sqlite')).sort();
    expect(events).toHaveLength(EVENT_KEPT);
    expect(events[0]).toBe('duban-2026-11-01-090300-manual.sqlite');
    ctx.ledger.db.close();
  });

  it('an older ledger is backed up, as it was, before its schema is migrated', () => {
    const file = path.join(tempDir(), 'duban.sqlite');
    const raw = new Database(file);
    migrate(
      raw,
      loadMigrations().filter((m) => m.version === 1),
    );
    raw.prepare("INSERT INTO unit (name) VALUES ('县财政局')").run();
    raw.close();
    openLedger(file).close();
    const [backup] = listBackups(file).backups;
    assert(backup);
    expect(backup.kind).toBe('migration');
    const copy = new Database(path.join(backupsDir(file), backup.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('a backup that cannot be written is told to the clerk in Chinese with the next answer', async () => {
    const ctx = startApp();
    const logged: string[] = [];
    ctx.log = (level, message) => logged.push(`${level} ${message}`);
    // A file where the backups folder should be: nothing can be written there.
    fs.writeFileSync(backupsDir(ctx.ledgerFile), '');
    expect(dailyBackupAtStart(ctx, '2026-11-23')).toBeNull();
    expect(logged).toEqual(['error daily backup failed']);
    const result = await dispatch(ctx, 'units:list', {});
    expect(result.ok).toBe(true);
    expect(result.notices).toEqual([{ kind: 'warning', message: expect.stringContaining('今天的自动备份没有完成') }]);
    expect(result.notices![0]?.message).toContain(backupsDir(ctx.ledgerFile));
    // Told once, not on every answer after.
    expect((await dispatch(ctx, 'units:list', {})).notices).toBeUndefined();
    const made = await dispatch(ctx, 'backups:create', {});
    expect(made).toMatchObject({
      ok: false,
      error: { code: 'backup_failed', message: expect.stringContaining('备份没有完成') },
    });
    ctx.ledger.db.close();
  });
});

describe('writeEventBackup', () => {
  it('two backups in the same second get two files', () => {
    const ctx = createContext(openLedger(path.join(tempDir(), 'duban.sqlite')));
    const at = new Date(2026, 10, 23, 9, 0, 0);
    const a = writeEventBackup(ctx.db, path.join(path.dirname(ctx.db.name), 'duban.sqlite'), 'manual', at);
    const b = writeEventBackup(ctx.db, path.join(path.dirname(ctx.db.name), 'duban.sqlite'), 'manual', at);
    expect(a).not.toBe(b);
    expect(listBackups(path.join(path.dirname(ctx.db.name), 'duban.sqlite')).backups).toHaveLength(2);
    ctx.db.close();
  });
});
