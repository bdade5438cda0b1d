// Picks the reader by file type and turns formats that cannot be read into a message the clerk
// can act on (.doc → 另存为 .docx, .pdf → 复制文字为 .txt).
import { extname } from 'node:path';
import { DomainError } from '../../../shared/errors';
import { readDocx } from './readDocx';
import { readPastedText } from './readPastedText';
import type { RawBlock } from './types';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

function docError(fileName: string): DomainError {
  return new DomainError(
    'ingest/doc-format',
    `“${fileName}”是旧版 Word (.doc) 或 WPS 格式，无法直接读取。请用 Word 或 WPS 打开它，选择“文件 → 另存为”，保存类型选“Word 文档 (*.docx)”，再导入另存后的 .docx 文件。`,
  );
}

function pdfError(fileName: string): DomainError {
  return new DomainError(
    'ingest/pdf-format',
    `“${fileName}”是 PDF 文件，无法直接读取。如有 Word 原件请直接导入 .docx；否则请在 PDF 阅读器中全选（Ctrl+A）并复制文字，粘贴到记事本，保存为 .txt 文件（编码选 UTF-8）后导入。`,
  );
}

export async function readDocumentBlocks(fileName: string, data: Buffer): Promise<RawBlock[]> {
  const ext = extname(fileName).toLowerCase();
  if (!data.length) throw new DomainError('ingest/empty', `“${fileName}”是空文件，没有可读取的内容。`);
  // The bytes decide over the name: a .doc renamed to .docx is still a .doc.
  if (startsWith(data, OLE_MAGIC) || ext === '.doc' || ext === '.wps' || ext === '.dot') throw docError(fileName);
  if (data.subarray(0, 5).toString('latin1') === '%PDF-' || ext === '.pdf') throw pdfError(fileName);
  if (ext === '.docx' || ext === '.docm' || (data[0] === 0x50 && data[1] === 0x4b && ext !== '.txt' && ext !== '.md')) return readDocx(fileName, data);
  if (ext === '.txt' || ext === '.md' || ext === '.markdown' || ext === '.text' || ext === '') return readPastedText(data);
  throw new DomainError('ingest/unsupported', `无法读取“${fileName}”：只支持 Word 文档 (.docx) 和文本文件 (.txt/.md)。旧版 .doc 请另存为 .docx；PDF 请复制文字保存为 .txt。`);
}
