// Reads a file the clerk chose (a dialog's answer, a file dropped from Explorer) from its path, in main:
// its type and size checked before a byte is read, every failure told in Chinese naming the file.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { DOCUMENT_MAX_BYTES, mb, RETURN_MAX_BYTES } from './readers/limits';

export type ChosenKind = 'returns' | 'document';

/** What each kind may be, by extension: what the readers know how to read (the bytes still decide there). */
const KINDS: Record<ChosenKind, { extensions: string[]; maxBytes: number; what: string; supported: string }> = {
  returns: {
    extensions: ['.xlsx', '.xlsm', '.xls', '.et', '.ett', '.csv', '.txt'],
    maxBytes: RETURN_MAX_BYTES,
    what: '推进情况表',
    supported: 'Excel 表格（.xlsx、.xls）、WPS 表格（.et）和 CSV 文件（.csv）',
  },
  document: {
    // No extension: text saved without one, which the document reader reads as text.
    extensions: ['.docx', '.docm', '.doc', '.dot', '.wps', '.pdf', '.txt', '.md', '.markdown', '.text', ''],
    maxBytes: DOCUMENT_MAX_BYTES,
    what: '政策文件',
    supported: 'Word 文档（.docx、.doc）、WPS 文档（.wps）、带文字的 PDF 和文本文件（.txt）',
  },
};

export interface ChosenFile {
  /** The file's name, as every message and the import record name it. */
  fileName: string;
  path: string;
  data: Buffer;
}

/** The file's name, whichever separator its path uses (a Windows path read on another system in tests). */
export function fileNameOf(filePath: string): string {
  return filePath.split(/[\\/]/).filter(Boolean).at(-1) ?? filePath;
}

/** The Chinese reason a file system error gives, for a file the clerk chose. */
function unreadable(fileName: string, filePath: string, err: unknown): DomainError {
  const code = (err as NodeJS.ErrnoException).code;
  const where = path.dirname(filePath);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new DomainError(
        'file_missing',
        `找不到文件“${fileName}”（原位置：${where}）：它可能已被移动、改名或删除。请重新选择该文件。`,
      );
    case 'EACCES':
    case 'EPERM':
      return new DomainError(
        'file_forbidden',
        `无权读取文件“${fileName}”：请检查该文件的权限，或把它复制到桌面后再导入。`,
      );
    case 'EBUSY':
      return new DomainError(
        'file_busy',
        `文件“${fileName}”正被其他程序占用：请在 Excel、WPS 或 Word 中关闭它后重试。`,
      );
    case 'EISDIR':
      return new DomainError('file_is_folder', `“${fileName}”是文件夹，不是文件。请打开文件夹，选择其中的文件。`);
    default:
      return new DomainError(
        'file_unreadable',
        `无法读取文件“${fileName}”：请检查文件是否还在原处（U 盘、网络共享是否已断开），或把它复制到桌面后再导入。`,
      );
  }
}

/**
 * Reads the chosen file whole, after checking it is of a kind the readers know and within their size limit
 * (a 2 GB video dropped by mistake is refused by its size, not read). The readers check the rest (zip parts,
 * rows, cells) in the reader worker. Read asynchronously: a file on a slow network share never stalls main.
 */
export async function readChosenFile(filePath: string, kind: ChosenKind): Promise<ChosenFile> {
  const spec = KINDS[kind];
  const fileName = fileNameOf(filePath);
  if (!path.isAbsolute(filePath))
    throw new DomainError('file_path_invalid', `文件“${fileName}”的位置不完整，请重新选择该文件。`);
  const ext = path.extname(fileName).toLowerCase();
  if (!spec.extensions.includes(ext)) {
    throw new DomainError(
      'file_type_unsupported',
      `“${fileName}”不是可导入的${spec.what}：只支持${spec.supported}。请检查是否选错了文件。`,
    );
  }
  let size: number;
  try {
    const stat = await fs.stat(filePath);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = stat.size;
  } catch (err) {
    throw unreadable(fileName, filePath, err);
  }
  const tooLarge = (bytes: number) =>
    new DomainError(
      'file_too_large',
      `“${fileName}”太大（${mb(bytes)}，上限 ${mb(spec.maxBytes)}），不像是${spec.what}，未读取。请检查是否选错了文件。`,
    );
  if (size > spec.maxBytes) throw tooLarge(size);
  let data: Buffer;
  try {
    data = await fs.readFile(filePath);
  } catch (err) {
    throw unreadable(fileName, filePath, err);
  }
  // It may have grown between the look and the read (a file still being copied in).
  if (data.length > spec.maxBytes) throw tooLarge(data.length);
  return { fileName, path: filePath, data };
}
