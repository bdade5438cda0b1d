// Exporting one file per unit into a folder: a file the clerk still has open in WPS must not stop the
// others, and the clerk must learn which one is missing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { listUnits } from '../../../electron/db/repositories/units';
import type { ExportOutcome } from '../../../shared/channels/exports';
import { scriptedShell } from '../../harness/scriptedShell';
import { freshLedger } from '../ledger/helpers';

function demoApp() {
  const { ctx, file } = freshLedger({ demo: true });
  const shell = scriptedShell(path.join(path.dirname(file), 'out'));
  return {
    shell,
    ledger: ctx,
    ledgerFile: file,
    runtime: 'browser-harness' as const,
    version: 'test',
    today: () => '2026-11-23',
    log: () => undefined,
  };
}

/** Renaming into place fails for files whose name contains `unitName`, as Windows does for a file open in WPS. */
function lockFilesOf(unitName: string) {
  const rename = fs.renameSync;
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    if (String(to).includes(unitName))
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    rename(from, to);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('分发表 into a folder, one file per unit', () => {
  const units = (app: ReturnType<typeof demoApp>, names: string[]) =>
    names.map((n) => listUnits(app.ledger).find((u) => u.name === n)!.id);

  it('writes every other unit’s file when one is open elsewhere, and names the one that was not saved', async () => {
    const app = demoApp();
    lockFilesOf('县财政局');
    const result = await dispatch(app, 'export:dispatch', {
      unitIds: units(app, ['县卫生健康局', '县财政局', '县医疗保障局']),
      mode: 'files',
      columns: ['序号', '工作内容'],
    });
    expect(result.ok).toBe(true);
    const outcome = (result as { data: ExportOutcome }).data;
    expect(outcome.files.map((f) => path.basename(f))).toEqual([
      '重点任务清单_县卫生健康局_2026-11-23.xlsx',
      '重点任务清单_县医疗保障局_2026-11-23.xlsx',
    ]);
    expect(outcome.failed).toHaveLength(1);
    expect(outcome.failed![0]).toContain('重点任务清单_县财政局_2026-11-23.xlsx');
    expect(fs.readdirSync(app.shell.outDir).sort()).toEqual(outcome.files.map((f) => path.basename(f)).sort());
  });

  it('is an error, naming the file, when not one file could be written', async () => {
    const app = demoApp();
    lockFilesOf('重点任务清单');
    const result = await dispatch(app, 'export:dispatch', {
      unitIds: units(app, ['县卫生健康局', '县财政局']),
      mode: 'files',
      columns: ['序号', '工作内容'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/一个文件也没有保存成功.*重点任务清单_县卫生健康局_2026-11-23\.xlsx.*关闭/);
  });
});
