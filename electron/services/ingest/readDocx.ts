// .docx → paragraphs and tables. mammoth keeps tables (with rowspan/colspan) in its HTML output,
// which its raw-text mode would flatten.
import mammoth from 'mammoth';
import { DomainError } from '../../../shared/errors';
import { parseMammothHtml } from './parseMammothHtml';
import type { RawBlock } from './types';

export async function readDocx(fileName: string, data: Buffer): Promise<RawBlock[]> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: data },
      {
        // Images would arrive as base64 inside the HTML; the ledger never needs them.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch {
    throw new DomainError('ingest/unreadable-docx', `无法读取“${fileName}”：文件不是有效的 Word (.docx) 文档，可能已损坏或只是改了扩展名。请用 Word 或 WPS 打开后“另存为”.docx 再导入。`);
  }
  return parseMammothHtml(html);
}
