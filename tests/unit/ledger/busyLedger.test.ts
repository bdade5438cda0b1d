// Finding 5 (second half) and 6: two programs writing one ledger wait for each other instead of failing;
// a write that still cannot get through, and a ledger that cannot be written, are told in Chinese.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/handlers/context';
import { dispatch } from '../../../electron/handlers/dispatch';
import { listUnits, updateUnit } from '../../../electron/db/repositories/units';
import { translateLedgerError } from '../../../electron/db/sqliteErrors';
import { scriptedShell } from '../../harness/scriptedShell';
import { freshLedger, tempDir } from './helpers';

const repoRoot = path.resolve(__dirname, '../../..');
const bin = path.join(repoRoot, 'electron/cli/duban.cjs');

function appContext(): AppContext {
  const { ctx, file } = freshLedger({ demo: true });
  return { shell: scriptedShell(path.join(tempDir(), 'out')), ledger: ctx, ledgerFile: file, runtime: 'browser-harness', version: 'test', today: () => '2026-11-23', log: () => undefined };
}

describe('two programs writing one ledger', () => {
  it('an edit made while another process holds the write lock waits for it and is saved', async () => {
    const { ctx, file } = freshLedger({ demo: true });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'holdWriteLock.ts'), file, '1500'], { cwd: repoRoot });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      child.on('exit', (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
    });
    // updateUnit reads the unit before it writes: begun DEFERRED, the write could not wait for the lock.
    const unit = listUnits(ctx).find((u) => u.name === '县财政局')!;
    updateUnit(ctx, unit.id, { phone: '0358-1234567' });
    expect(await exited).toBe(0);
    expect(listUnits(ctx).find((u) => u.id === unit.id)?.phone).toBe('0358-1234567');
    expect(listUnits(ctx).some((u) => u.name === '县档案馆')).toBe(true);
    ctx.db.close();
  });

  it('a write that still finds the ledger locked after waiting is refused with a Chinese message, nothing half-saved', async () => {
    const ctx = appContext();
    ctx.ledger.db.pragma('busy_timeout = 50');
    const other = new Database(ctx.ledgerFile);
    other.exec('BEGIN IMMEDIATE');
    try {
      const result = await dispatch(ctx, 'units:create', { name: '县档案馆', kind: 'county_department' });
      expect(result).toEqual({ ok: false, error: { code: 'ledger_busy', message: expect.stringContaining('台账正被其他程序（如命令行）使用，请稍后重试') } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(listUnits(ctx.ledger).some((u) => u.name === '县档案馆')).toBe(false);
    ctx.ledger.db.close();
  });
});

describe('SQLite errors a clerk can meet', () => {
  it('are told in Chinese, naming the ledger file', () => {
    const file = 'D:\\台账\\duban.sqlite';
    for (const code of ['SQLITE_READONLY', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN', 'SQLITE_CORRUPT']) {
      const err = Object.assign(new Error('disk I/O error'), { code });
      const translated = translateLedgerError(err, file);
      expect(translated, code).not.toBeNull();
      // No English besides the file's own name: SQLite's words never reach the clerk.
      expect(translated!.message.replaceAll(file, ''), code).not.toMatch(/[A-Za-z]{3,}/);
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) expect(translated!.message, code).toContain('duban.sqlite');
    }
    expect(translateLedgerError(new TypeError('x is undefined'), file)).toBeNull();
  });

  it('a ledger the user may not write is refused when it is opened, not at every save; reading it still works', () => {
    const dir = tempDir();
    const file = path.join(dir, 'duban.sqlite');
    expect(spawnSync(process.execPath, [bin, 'demo', '--db', file]).status).toBe(0);
    // Root may write anything, so the commands run as another user; otherwise the file is made read-only.
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    fs.chmodSync(dir, 0o755);
    if (!('uid' in asOther)) {
      fs.chmodSync(file, 0o444);
      fs.chmodSync(dir, 0o555);
    }
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot, ...asOther });
    const doc = path.join(repoRoot, 'tests/fixtures/documents/wenshui-measures-2023-57.docx');
    const write = run('ingest', '--db', file, doc);
    expect(write.status).toBe(1);
    expect(write.stderr).toContain('只能读、不能写');
    expect(write.stderr).toContain(file);
    expect(write.stderr).not.toMatch(/readonly|attempt/i);
    const read = run('summary', '--db', file, '--json', '--today', '2026-11-23');
    expect(read.stderr).toBe('');
    expect(JSON.parse(read.stdout).items).toBe(45);
    fs.chmodSync(dir, 0o755);
  });
});
