// Saving an export without ever leaving half a file: written beside the target, then renamed over it.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { DomainError } from '../../../shared/errors';
import { finishTextCells } from './cellText';

/**
 * Writes next to the target first and renames into place, so a failed export never leaves half a
 * file, and an old file stays intact until the new one is complete. On Windows a file open in
 * Excel/WPS cannot be replaced (EBUSY/EPERM): the clerk is told which file to close.
 */
export async function writeWorkbookFile(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  finishTextCells(workbook);
  await writeExportFile(file, (temp) => workbook.xlsx.writeFile(temp));
}

/** Any export (xlsx, docx) written the same way: to a temp file beside it, then renamed over it. */
export async function writeExportFile(file: string, write: (temp: string) => Promise<void>): Promise<void> {
  const temp = path.join(path.dirname(file), `.~${path.basename(file)}.${process.pid}.tmp`);
  removeStaleTemps(file);
  try {
    await write(temp);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new DomainError(
        'file_locked',
        `文件“${path.basename(file)}”正被其他程序打开或没有写入权限，未能保存。请在 Excel/WPS 中关闭该文件后重试，或另存为其他文件名。`,
      );
    }
    if (code === 'ENOENT')
      throw new DomainError('folder_missing', `找不到文件夹“${path.dirname(file)}”。请重新选择保存位置。`);
    if (code === 'ENOSPC') throw new DomainError('disk_full', '磁盘空间不足，未能保存。请清理磁盘后重试。');
    throw err;
  }
}

/**
 * An export killed halfway (power cut, task manager) leaves its temp file behind: the next export of the
 * same file removes those whose process is gone. A temp of a process still running is left alone.
 */
function removeStaleTemps(file: string): void {
  const prefix = `.~${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    fs.rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** 重点任务清单_2026-11-23.xlsx — Chinese, dated, safe on Windows. */
export function defaultExportName(kind: string, today: string, unit?: string): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');
  return `${clean(kind)}${unit ? `_${clean(unit)}` : ''}_${today}.xlsx`;
}
