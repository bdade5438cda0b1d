// Finding 5 (second half) and 6: two programs writing one ledger wait for each other instead of failing;
// a write that still cannot get through, and a ledger that cannot be written, are told in Chinese.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/handlers/context';
import { dispatch } from '../../../electron/handlers/dispatch';
import { retryWhileBusy } from '../../../electron/db/busyLedger';
import { createUnit, listUnits } from '../../../electron/db/repositories/units';
import { translateLedgerError } from '../../../electron/db/sqliteErrors';
import { scriptedShell } from '../../harness/scriptedShell';
import { auditCount, freshLedger, tempDir } from './helpers';
import { heldReturn } from '../returns/heldReturn';

const repoRoot = path.resolve(__dirname, '../../..');
const bin = path.join(repoRoot, 'electron/cli/duban.cjs');

function appContext(): AppContext {
  const { ctx, file } = freshLedger({ demo: true });
  return {
    shell: scriptedShell(path.join(tempDir(), 'out')),
    ledger: ctx,
    ledgerFile: file,
    runtime: 'browser-harness',
    version: 'test',
    today: () => '2026-11-23',
    log: () => undefined,
  };
}

/** Another program (like a long CLI import) holding the ledger's write lock for `holdMs`, then committing. */
async function holdWriteLock(file: string, holdMs: number): Promise<{ exited: Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'holdWriteLock.ts'), file, String(holdMs)],
    { cwd: repoRoot },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
  });
  return { exited };
}

/** Counts the turns the event loop gets: a main process blocked inside SQLite would give it none. */
function countTicks(): { stop: () => number } {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  return { stop: () => (clearInterval(timer), ticks) };
}

const backupsOf = (file: string, reason: string) => {
  const dir = path.join(path.dirname(file), 'backups');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(`-${reason}.sqlite`)) : [];
};

describe('two programs writing one ledger', () => {
  it('an edit made while another process holds the write lock waits for it, the app stays responsive, and it is saved', async () => {
    const ctx = appContext();
    const { exited } = await holdWriteLock(ctx.ledgerFile, 1500);
    const unit = listUnits(ctx.ledger).find((u) => u.name === '县财政局')!;
    const ticking = countTicks();
    // units:update reads the unit before it writes: begun DEFERRED, the write could not wait for the lock.
    const result = await dispatch(ctx, 'units:update', { id: unit.id, patch: { phone: '0358-1234567' } });
    const ticks = ticking.stop();
    expect(result).toMatchObject({ ok: true, data: { phone: '0358-1234567' } });
    expect(await exited).toBe(0);
    // The window kept being answered while the write waited (a blocking wait would leave the loop still).
    expect(ticks).toBeGreaterThan(5);
    expect(listUnits(ctx.ledger).find((u) => u.id === unit.id)?.phone).toBe('0358-1234567');
    // The other program's write is there too: neither overwrote the other.
    expect(listUnits(ctx.ledger).some((u) => u.name === '县档案馆')).toBe(true);
    ctx.ledger.db.close();
  });

  it('a write that still finds the ledger locked after the wait is refused with a Chinese message, nothing saved', async () => {
    const ctx = { ...appContext(), busyWaitLimitMs: 600 };
    const before = auditCount(ctx.ledger);
    const other = new Database(ctx.ledgerFile);
    other.exec('BEGIN IMMEDIATE');
    const ticking = countTicks();
    try {
      const result = await dispatch(ctx, 'units:create', { name: '县档案局', kind: 'county_department' });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'ledger_busy',
          message: expect.stringContaining('台账正被其他程序（如命令行）使用，请稍后重试'),
        },
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(ticking.stop()).toBeGreaterThan(5);
    expect(listUnits(ctx.ledger).some((u) => u.name === '县档案局')).toBe(false);
    expect(auditCount(ctx.ledger)).toBe(before);
    ctx.ledger.db.close();
  });

  it('an import that had to wait is backed up once, not once per attempt, and is saved', async () => {
    const ctx = appContext();
    const { id: roundId } = ctx.ledger.db.prepare('SELECT id FROM progress_round WHERE closed = 0 LIMIT 1').get() as {
      id: number;
    };
    const item = ctx.ledger.db
      .prepare(
        "SELECT t.id, tu.unit_id FROM task t JOIN task_unit tu ON tu.task_id = t.id WHERE t.level = 'item' LIMIT 1",
      )
      .get() as { id: number; unit_id: number };
    const other = new Database(ctx.ledgerFile);
    other.exec('BEGIN IMMEDIATE');
    // The other program lets go while the import is waiting between attempts.
    setTimeout(() => (other.exec('COMMIT'), other.close()), 700);
    const result = await dispatch(ctx, 'returns:commit', {
      roundId,
      files: [
        heldReturn(ctx, roundId, { fileName: '温泉镇.xlsx', sha256: 'a'.repeat(64), size: 100, unitId: item.unit_id }, [
          {
            taskId: item.id,
            status: '推进中',
            percent: 40,
            progress: '已召开推进会',
            problems: '',
            nextSteps: '',
            overwrite: true,
          },
        ]),
      ],
    });
    expect(result).toMatchObject({ ok: true, data: { rows: 1 } });
    expect(backupsOf(ctx.ledgerFile, 'import')).toHaveLength(1);
    ctx.ledger.db.close();
  });

  it('a change that saved part of itself before meeting the lock is not run a second time', async () => {
    const { ctx } = freshLedger();
    let runs = 0;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    await expect(
      retryWhileBusy(
        () => ctx.db,
        () => {
          runs++;
          createUnit(ctx, { name: '县档案局', kind: 'county_department' });
          throw busy;
        },
        { limitMs: 2000 },
      ),
    ).rejects.toBe(busy);
    expect(runs).toBe(1);
    expect(listUnits(ctx).filter((u) => u.name === '县档案局')).toHaveLength(1);
    ctx.db.close();
  });

  it("the command line waits for the app's write instead of failing", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'duban.sqlite');
    expect(spawnSync(process.execPath, [bin, 'demo', '--db', file]).status).toBe(0);
    // Longer than SQLite's own wait and than the command needs to start: the command must retry.
    const { exited } = await holdWriteLock(file, 3000);
    const doc = path.join(repoRoot, 'tests/fixtures/documents/wenshui-measures-2023-57.docx');
    const cli = spawn(process.execPath, [bin, 'ingest', '--db', file, doc], { cwd: repoRoot });
    let stderr = '';
    cli.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await exited).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(
      (db.prepare("SELECT COUNT(*) AS n FROM import_batch WHERE kind = 'document'").get() as { n: number }).n,
    ).toBe(1);
    expect((db.prepare("SELECT COUNT(*) AS n FROM unit WHERE name = '县档案馆'").get() as { n: number }).n).toBe(1);
    db.close();
  });
});

describe('SQLite errors a clerk can meet', () => {
  it('are told in Chinese, naming the ledger file', () => {
    const file = 'D:\\台账\\duban.sqlite';
    for (const code of [
      'SQLITE_READONLY',
      'SQLITE_BUSY',
      'SQLITE_LOCKED',
      'SQLITE_FULL',
      'SQLITE_IOERR_WRITE',
      'SQLITE_CANTOPEN',
      'SQLITE_CORRUPT',
    ]) {
      const err = Object.assign(new Error('disk I/O error'), { code });
      const translated = translateLedgerError(err, file);
      expect(translated, code).not.toBeNull();
      // No English besides the file's own name: SQLite's words never reach the clerk.
      expect(translated!.message.replaceAll(file, ''), code).not.toMatch(/[A-Za-z]{3,}/);
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED'))
        expect(translated!.message, code).toContain('duban.sqlite');
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
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot, ...asOther });
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
