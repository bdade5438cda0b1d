// 文件 → 打开其他台账… / 另存台账为… / 最近打开的台账 (electron/ledgerFiles.ts), without Electron.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerSummary } from '../../../shared/channels/ledger';
import { dispatch } from '../../../electron/handlers/dispatch';
import { openAppLedger } from '../../../electron/openAppLedger';
import {
  readRecentLedgers,
  rememberLedger,
  RECENT_LEDGERS_MAX,
  saveLedgerCopy,
  switchLedger,
} from '../../../electron/ledgerFiles';
import { scriptedShell } from '../../harness/scriptedShell';
import { makeTempDir } from '../tempDirs';

function start(dir: string, demo = true) {
  const ctx = openAppLedger({
    ledgerFile: path.join(dir, 'duban.sqlite'),
    runtime: 'browser-harness',
    version: 'test',
    demoIfEmpty: demo,
    shell: scriptedShell(path.join(dir, 'out')),
  });
  ctx.log = () => undefined;
  return ctx;
}

async function summary(ctx: ReturnType<typeof start>): Promise<LedgerSummary> {
  const result = await dispatch(ctx, 'ledger:summary', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.data as LedgerSummary;
}

describe('other ledgers', () => {
  it('另存台账为… writes a copy that opens as the same ledger, and keeps working on the current one', async () => {
    const ctx = start(makeTempDir());
    const usb = path.join(makeTempDir(), 'U盘台账.sqlite');
    await saveLedgerCopy(ctx, usb);
    expect(ctx.ledgerFile).not.toBe(usb);
    const before = await summary(ctx);
    await switchLedger(ctx, usb);
    expect(ctx.ledgerFile).toBe(usb);
    expect((await summary(ctx)).items).toBe(before.items);
    expect(fs.existsSync(path.join(path.dirname(usb), 'backups'))).toBe(true);
    ctx.ledger.db.close();
  });

  it('另存 refuses the open ledger itself', async () => {
    const ctx = start(makeTempDir());
    await expect(saveLedgerCopy(ctx, ctx.ledgerFile)).rejects.toThrow('不能另存到当前台账本身');
    ctx.ledger.db.close();
  });

  it('打开其他台账… refuses a file that is not a ledger, and the current ledger stays open', async () => {
    const ctx = start(makeTempDir());
    const original = ctx.ledgerFile;
    const notes = path.join(makeTempDir(), '笔记.sqlite');
    fs.writeFileSync(notes, 'not a database at all, just some words typed into a file by hand. '.repeat(100));
    await expect(switchLedger(ctx, notes)).rejects.toThrow(notes);
    expect(ctx.ledgerFile).toBe(original);
    expect((await summary(ctx)).items).toBeGreaterThan(0);
    ctx.ledger.db.close();
  });

  it('keeps a recent list, newest first, each file once, at most RECENT_LEDGERS_MAX', () => {
    const userData = makeTempDir();
    expect(readRecentLedgers(userData)).toEqual([]);
    rememberLedger(userData, '/a/duban.sqlite');
    rememberLedger(userData, '/b/x.sqlite');
    expect(rememberLedger(userData, '/a/duban.sqlite')).toEqual([
      path.resolve('/a/duban.sqlite'),
      path.resolve('/b/x.sqlite'),
    ]);
    for (let i = 0; i < 20; i++) rememberLedger(userData, `/many/${i}.sqlite`);
    const list = readRecentLedgers(userData);
    expect(list).toHaveLength(RECENT_LEDGERS_MAX);
    expect(list[0]).toBe(path.resolve('/many/19.sqlite'));
  });
});
