// Saving: a half-written or refused save must never cost the clerk the file already there, and a file
// open in Excel/WPS must be named in words the clerk can act on.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultExportName, writeWorkbookFile } from '../../../electron/services/excel/writeWorkbookFile';
import { tempDir } from './helpers';

function smallBook(text: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('清单').getCell('A1').value = text;
  return book;
}

async function readA1(file: string): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets[0]!.getCell('A1').value;
}

afterEach(() => vi.restoreAllMocks());

describe('writeWorkbookFile', () => {
  it('removes the temp file an export killed halfway left behind, but not one a running export is writing', async () => {
    const dir = tempDir();
    const file = path.join(dir, '重点任务清单_2026-11-23.xlsx');
    const dead = path.join(dir, '.~重点任务清单_2026-11-23.xlsx.2147483646.tmp');
    const running = path.join(dir, `.~重点任务清单_2026-11-23.xlsx.${process.ppid}.tmp`);
    const other = path.join(dir, '.~别的文件.xlsx.2147483646.tmp');
    for (const f of [dead, running, other]) fs.writeFileSync(f, 'half');
    await writeWorkbookFile(smallBook('新'), file);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [path.basename(running), path.basename(other), path.basename(file)].sort(),
    );
  });

  it('drops characters XML cannot hold, so the file opens, and keeps the rest of the text', async () => {
    const dir = tempDir();
    const file = path.join(dir, '清单.xlsx');
    await writeWorkbookFile(smallBook('备注\uFFFE甲\uFFFF乙\uD800丙\uDC00丁😀'), file);
    expect(await readA1(file)).toBe('备注甲乙丙丁😀');
  });

  it('replaces an existing export and leaves no temp file behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, '重点任务清单_2026-11-23.xlsx');
    await writeWorkbookFile(smallBook('旧'), file);
    await writeWorkbookFile(smallBook('新'), file);
    expect(await readA1(file)).toBe('新');
    expect(fs.readdirSync(dir)).toEqual(['重点任务清单_2026-11-23.xlsx']);
  });

  it.each(['EBUSY', 'EPERM', 'EACCES'])(
    'on %s (file open in Excel) says which file to close, and keeps the old file whole',
    async (code) => {
      const dir = tempDir();
      const file = path.join(dir, '重点任务清单_2026-11-23.xlsx');
      await writeWorkbookFile(smallBook('旧'), file);
      vi.spyOn(fs, 'renameSync').mockImplementation(() => {
        throw Object.assign(new Error(`${code}: resource busy or locked`), { code });
      });
      const attempt = writeWorkbookFile(smallBook('新'), file);
      await expect(attempt).rejects.toThrow('文件“重点任务清单_2026-11-23.xlsx”正被其他程序打开');
      await expect(attempt).rejects.toThrow(/Excel\/WPS 中关闭/);
      vi.restoreAllMocks();
      expect(await readA1(file)).toBe('旧');
      expect(fs.readdirSync(dir)).toEqual(['重点任务清单_2026-11-23.xlsx']);
    },
  );

  it('keeps the old file when writing the new one fails half-way', async () => {
    const dir = tempDir();
    const file = path.join(dir, '填报模板.xlsx');
    await writeWorkbookFile(smallBook('旧'), file);
    const broken = smallBook('新');
    vi.spyOn(broken.xlsx, 'writeFile').mockImplementation(async (temp: string) => {
      fs.writeFileSync(temp, 'PK\u0003\u0004 half a zip');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    await expect(writeWorkbookFile(broken, file)).rejects.toThrow('磁盘空间不足');
    expect(await readA1(file)).toBe('旧');
    expect(fs.readdirSync(dir)).toEqual(['填报模板.xlsx']);
  });

  it('says in Chinese when the chosen folder is gone', async () => {
    const file = path.join(tempDir(), '已删除的文件夹', '通报.xlsx');
    await expect(writeWorkbookFile(smallBook('x'), file)).rejects.toThrow(/找不到文件夹/);
  });
});

describe('defaultExportName', () => {
  it('is Chinese and dated, with the unit when there is one, and safe as a Windows file name', () => {
    expect(defaultExportName('重点任务清单', '2026-11-23')).toBe('重点任务清单_2026-11-23.xlsx');
    expect(defaultExportName('重点任务清单', '2026-11-23', '沙溪镇')).toBe('重点任务清单_沙溪镇_2026-11-23.xlsx');
    expect(defaultExportName('填报模板_2026年第四季度调度', '2026-11-23', '县卫健局/疾控科')).toBe(
      '填报模板_2026年第四季度调度_县卫健局_疾控科_2026-11-23.xlsx',
    );
    expect(defaultExportName('名单:"测试"', '2026-11-23')).not.toMatch(/[\\/:*?"<>|]/);
  });
});
