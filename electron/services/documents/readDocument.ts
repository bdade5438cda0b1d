// Picks the reader by what the file is (its first bytes, then its name): .docx, .doc/.wps, PDF with a
// text layer, pasted text. Anything else is refused with a message the clerk can act on.
import { extname } from 'node:path';
import { DomainError } from '../../../shared/errors';
import { DOCUMENT_MAX_BYTES, MAX_TEXT_CHARS, mb } from '../readers/limits';
import { readDocFile } from './readDocFile';
import { readDocx } from './readDocx';
import { readPdfText } from './readPdfText';
import { readPastedText } from './readPastedText';
import type { RawBlock } from './types';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);
/** %PDF- first; in a file named .pdf, anywhere in the first KB (some writers put a few bytes before it). */
const isPdf = (data: Buffer, ext: string) =>
  data.subarray(0, 5).toString('latin1') === '%PDF-' || (ext === '.pdf' && data.subarray(0, 1024).includes('%PDF-'));

/** Named .doc/.pdf/.docx but none of them inside: a damaged file, or another kind renamed. */
function notWhatItSays(fileName: string, ext: string): DomainError {
  return new DomainError(
    'documents/not-what-it-says',
    `“${fileName}”的扩展名是 ${ext}，但文件内容不是 ${ext === '.pdf' ? 'PDF' : 'Word/WPS'} 文档（可能已损坏，或是其他文件改了扩展名），无法读取。请重新索取原文件；或用 Word、WPS 打开它，另存为 .docx 后再导入。`,
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
        'documents/too-long',
        `“${fileName}”的文字超过上限 ${MAX_TEXT_CHARS / 10000} 万字，不像是一份实施方案，未读取。请检查是否发错了文件；如确是政策文件，可只把含重点任务的部分另存为 .docx 或 .txt 后导入。`,
      );
    }
  }
  return blocks;
}

async function readBlocks(fileName: string, data: Buffer): Promise<RawBlock[]> {
  const ext = extname(fileName).toLowerCase();
  if (!data.length) throw new DomainError('documents/empty', `“${fileName}”是空文件，没有可读取的内容。`);
  if (data.length > DOCUMENT_MAX_BYTES) {
    throw new DomainError(
      'documents/too-large',
      `“${fileName}”太大（${mb(data.length)}，上限 ${mb(DOCUMENT_MAX_BYTES)}），不像是政策文件，未读取。请检查是否发错了文件；如确是政策文件，请删除其中的图片后另存再导入。`,
    );
  }
  // The bytes decide over the name: a .doc renamed to .docx is still a .doc, a .docx renamed to .doc
  // still a .docx (WPS saves either under either name).
  if (startsWith(data, OLE_MAGIC)) return readDocFile(fileName, data);
  if (isPdf(data, ext)) return readPdfText(fileName, data);
  if (ext === '.docx' || ext === '.docm' || (data[0] === 0x50 && data[1] === 0x4b && ext !== '.txt' && ext !== '.md'))
    return readDocx(fileName, data);
  if (ext === '.doc' || ext === '.wps' || ext === '.dot' || ext === '.pdf') throw notWhatItSays(fileName, ext);
  if (ext === '.txt' || ext === '.md' || ext === '.markdown' || ext === '.text' || ext === '')
    return readPastedText(data);
  throw new DomainError(
    'documents/unsupported',
    `无法读取“${fileName}”：只支持 Word 文档（.docx、.doc）、WPS 文档（.wps）、带文字的 PDF 和文本文件（.txt/.md）。请用 Word 或 WPS 打开后另存为 .docx 再导入。`,
  );
}
