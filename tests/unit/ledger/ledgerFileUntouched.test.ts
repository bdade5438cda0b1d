// Finding 1 and the first half of 5: a file that is not a usable ledger, and any ledger a read-only
// command looks at, stay exactly as they were (bytes and file time), and nothing is backed up from them.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/db/connection';
import { latestVersion, loadMigrations, migrate } from '../../../electron/db/migrate';
import { openAppLedger } from '../../../electron/openAppLedger';
import { dailyBackupAtStart } from '../../../electron/services/backupLedger';
import { scriptedShell } from '../../harness/scriptedShell';
import { tempDir } from './helpers';

const bin = path.resolve(__dirname, '../../../electron/cli/duban.cjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const doc = path.resolve(__dirname, '../../fixtures/documents/wenshui-measures-2023-57.docx');

/** Everything a write would change: the bytes, the file time, and the files beside it (-wal, -shm, backups/; the log may be written). */
function fingerprint(file: string) {
  const stat = fs.statSync(file);
  return {
    sha: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    beside: fs
      .readdirSync(path.dirname(file))
      .filter((f) => f !== 'logs')
      .sort(),
  };
}

function startApp(file: string) {
  return openAppLedger({
    ledgerFile: file,
    runtime: 'browser-harness',
    version: 'test',
    demoIfEmpty: true,
    shell: scriptedShell(path.join(tempDir(), 'out')),
  });
}

/** A ledger as an older version left it: schema 001 only, rollback journal (not yet WAL). */
function oldLedger(): string {
  const file = path.join(tempDir(), 'old.sqlite');
  const raw = new Database(file);
  migrate(
    raw,
    loadMigrations().filter((m) => m.version === 1),
  );
  raw.prepare("INSERT INTO unit (name) VALUES ('县财政局')").run();
  raw.close();
  return file;
}

describe('a zero-byte or foreign file at the ledger path', () => {
  it('a zero-byte duban.sqlite is neither seeded with the demo nor backed up, and stays byte for byte', () => {
    const file = path.join(tempDir(), 'duban.sqlite');
    fs.writeFileSync(file, '');
    const past = new Date('2026-11-01T08:00:00Z');
    fs.utimesSync(file, past, past);
    const before = fingerprint(file);

    const ctx = startApp(file);
    expect(ctx.ledgerProblem?.code).toBe('ledger_empty_file');
    expect(ctx.ledgerProblem?.message).toContain('空文件');
    expect(dailyBackupAtStart(ctx, '2026-11-23')).toBeNull();
    ctx.ledger.db.close();

    expect(fingerprint(file)).toEqual(before);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('a text file at the ledger path is left alone and the app waits for the clerk', () => {
    const file = path.join(tempDir(), 'duban.sqlite');
    fs.writeFileSync(file, '会议记录：请各单位于周五前报送。'.repeat(300));
    const before = fingerprint(file);
    const ctx = startApp(file);
    expect(ctx.ledgerProblem?.code).toBe('ledger_not_sqlite');
    ctx.ledger.db.close();
    expect(fingerprint(file)).toEqual(before);
  });

  it('only a path with no file is a new ledger: the demo is loaded there', () => {
    const file = path.join(tempDir(), 'duban.sqlite');
    const ctx = startApp(file);
    expect(ctx.ledgerProblem ?? null).toBeNull();
    expect((ctx.ledger.db.prepare('SELECT COUNT(*) AS n FROM unit').get() as { n: number }).n).toBe(38);
    ctx.ledger.db.close();
  });
});

describe('read-only commands never write the ledger', () => {
  it('summary of an older ledger reads it through a migrated copy and leaves the file identical', () => {
    const file = oldLedger();
    const before = fingerprint(file);
    const out = cli('summary', '--db', file, '--json', '--today', '2026-11-23');
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout).units).toBe(1);
    expect(fingerprint(file)).toEqual(before);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
  });

  it('ingest --dry-run of an older ledger leaves it identical, and no backup is taken', () => {
    const file = oldLedger();
    const before = fingerprint(file);
    const out = cli('ingest', '--db', file, '--dry-run', doc);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('未写入台账');
    expect(fingerprint(file)).toEqual(before);
  });

  it('a ledger from a newer version is refused by summary without its header being rewritten', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    openLedger(file).close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestVersion() + 1}`);
    raw.close();
    const before = fingerprint(file);
    const out = cli('summary', '--db', file);
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain('更新版本的督办台账');
    expect(fingerprint(file)).toEqual(before);
  });

  it('backup list reads only the backups: a zero-byte ledger stays untouched', () => {
    const file = path.join(tempDir(), 'duban.sqlite');
    fs.writeFileSync(file, '');
    const before = fingerprint(file);
    const out = cli('backup', 'list', '--db', file);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('没有可用的备份');
    expect(fingerprint(file)).toEqual(before);
  });
});
