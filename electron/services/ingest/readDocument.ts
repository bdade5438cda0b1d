// Picks the reader by file type and turns formats that cannot be read into a message the clerk
// can act on (.doc → 另存为 .docx, .pdf → 复制文字为 .txt).
import { extname } from 'node:path';
import { DomainError } from '../../../shared/errors';
import { DOCUMENT_MAX_BYTES, MAX_TEXT_CHARS, mb } from '../readers/limits';
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
  const blocks = await readBlocks(fileName, data);
  let chars = 0;
  for (const b of blocks) {
    if (b.kind === 'para') chars += b.text.length;
    else for (const row of b.rows) for (const cell of row) for (const line of cell.lines) chars += line.length;
    if (chars > MAX_TEXT_CHARS) {
      throw new DomainError(
        'ingest/too-long',
        `“${fileName}”的文字超过上限 ${MAX_TEXT_CHARS / 10000} 万字，不像是一份实施方案，未读取。请检查是否发错了文件；如确是政策文件，可只把含重点任务的部分另存为 .docx 或 .txt 后导入。`,
      );
    }
  }
  return blocks;
}

async function readBlocks(fileName: string, data: Buffer): Promise<RawBlock[]> {
  const ext = extname(fileName).toLowerCase();
  if (!data.length) throw new DomainError('ingest/empty', `“${fileName}”是空文件，没有可读取的内容。`);
  if (data.length > DOCUMENT_MAX_BYTES) {
    throw new DomainError(
      'ingest/too-large',
      `“${fileName}”太大（${mb(data.length)}，上限 ${mb(DOCUMENT_MAX_BYTES)}），不像是政策文件，未读取。请检查是否发错了文件；如确是政策文件，请删除其中的图片后另存再导入。`,
    );
  }
  // The bytes decide over the name: a .doc renamed to .docx is still a .doc.
  if (startsWith(data, OLE_MAGIC) || ext === '.doc' || ext === '.wps' || ext === '.dot') throw docError(fileName);
  if (data.subarray(0, 5).toString('latin1') === '%PDF-' || ext === '.pdf') throw pdfError(fileName);
  if (ext === '.docx' || ext === '.docm' || (data[0] === 0x50 && data[1] === 0x4b && ext !== '.txt' && ext !== '.md')) return readDocx(fileName, data);
  if (ext === '.txt' || ext === '.md' || ext === '.markdown' || ext === '.text' || ext === '') return readPastedText(data);
  throw new DomainError('ingest/unsupported', `无法读取“${fileName}”：只支持 Word 文档 (.docx) 和文本文件 (.txt/.md)。旧版 .doc 请另存为 .docx；PDF 请复制文字保存为 .txt。`);
}
