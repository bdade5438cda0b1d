import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const bin = path.resolve(__dirname, '../../../electron/cli/duban.cjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('duban CLI', () => {
  it('creates a demo ledger and summarises it as JSON', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const made = run('demo', '--db', db);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('已创建演示台账');
    const out = execFileSync(process.execPath, [bin, 'summary', '--db', db, '--json', '--today', '2026-11-23'], { encoding: 'utf8' });
    const summary = JSON.parse(out);
    expect(summary.items).toBe(45);
    expect(summary.units).toBe(38);
    expect(summary.groups).toBe(1);
    // 2026-06-30 deadlines not yet done are overdue on 2026-11-23.
    expect(summary.overdue).toBeGreaterThan(0);
    expect(summary.overdueItems.every((o: { deadline: string }) => o.deadline === '2026年6月底前')).toBe(true);
    const text = run('summary', '--db', db, '--today', '2026-11-23');
    expect(text.stdout).toContain('45 项工作内容');
  });

  it('will not overwrite an existing ledger with the demo', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    expect(run('demo', '--db', db).status).toBe(0);
    const again = run('demo', '--db', db);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('演示数据不会覆盖');
  });

  it('fails with a Chinese message on bad input', () => {
    const dir = tempDir();
    const missing = run('summary', '--db', path.join(dir, 'none.sqlite'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('找不到台账文件');

    const text = path.join(dir, 'readme.sqlite');
    fs.writeFileSync(text, 'hello '.repeat(1000));
    const notLedger = run('summary', '--db', text);
    expect(notLedger.status).not.toBe(0);
    expect(notLedger.stderr).toContain('不是督办台账文件');

    const newer = path.join(dir, 'newer.sqlite');
    expect(run('demo', '--db', newer).status).toBe(0);
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    const tooNew = run('summary', '--db', newer);
    expect(tooNew.status).not.toBe(0);
    expect(tooNew.stderr).toContain('更新版本的督办台账');

    const noDb = run('summary');
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toContain('缺少 --db 参数');
    const unknown = run('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('未知命令');
  });
});
