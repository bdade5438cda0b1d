// .docx → paragraphs and tables. mammoth keeps tables (with rowspan/colspan) in its HTML output,
// which its raw-text mode would flatten. The zip is checked first (mammoth unzips with JSZip, which
// believes every declared size), and so is the number of paragraphs, which mammoth would turn into
// a document tree, HTML and blocks several times over (200,000 paragraphs: 40 s and 1.7 GB).
import mammoth from 'mammoth';
import { DomainError } from '../../../shared/errors';
import { inspectZip } from '../readers/inspectZip';
import { MAX_PARAGRAPHS } from '../readers/limits';
import { parseMammothHtml } from './parseMammothHtml';
import type { RawBlock } from './types';

const unreadable = (fileName: string) =>
  new DomainError(
    'documents/unreadable-docx',
    `无法读取“${fileName}”：文件不是有效的 Word (.docx) 文档，可能已损坏或只是改了扩展名。请用 Word 或 WPS 打开后“另存为”.docx 再导入。`,
  );

const MAIN_PART = 'word/document.xml';

export async function readDocx(fileName: string, data: Buffer): Promise<RawBlock[]> {
  const zip = await inspectZip(fileName, data, (name) => name.replace(/^\//, '').toLowerCase() === MAIN_PART, {
    corrupt: () => unreadable(fileName),
    what: '政策文件',
  });
  const main = [...zip.parts.values()][0];
  if (!main) throw unreadable(fileName);
  // <w:p> and <w:p w:rsidR=…>, not <w:pPr> or <w:proofErr>.
  const paragraphs = main.toString('latin1').match(/<w:p[\s>/]/g)?.length ?? 0;
  if (paragraphs > MAX_PARAGRAPHS) {
    throw new DomainError(
      'documents/too-many-paragraphs',
      `“${fileName}”有 ${paragraphs} 个段落，超过上限 ${MAX_PARAGRAPHS} 个（约 1500 页），不像是一份实施方案，未读取。请检查是否发错了文件；如确是政策文件，可只把含重点任务的部分另存为 .docx 或 .txt 后导入。`,
    );
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: zip.stored() },
      {
        // Images would arrive as base64 inside the HTML; the ledger never needs them.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch {
    throw unreadable(fileName);
  }
  try {
    return parseMammothHtml(html);
  } catch (err) {
    if (err instanceof DomainError) throw new DomainError(err.code, `“${fileName}”${err.message}`);
    throw unreadable(fileName);
  }
}
