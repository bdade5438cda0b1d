// PDF policy documents with a text layer (exported from Word/WPS, or printed to PDF). Read with unpdf:
// it ships a build of Mozilla's pdf.js made to run without a browser or a pdf.js worker thread, with
// the DOM pieces pdf.js expects (DOMMatrix, Promise.withResolvers) filled in, and one pure-JavaScript
// file for the Windows installer (pdfjs-dist would need @napi-rs/canvas or polyfills of our own).
// unpdf is pinned at 1.7.0: 1.8 and later want Node 22, and the CLI and tests run on Node 20.
//
// pdf.js gives positioned text runs and drawing operations; layoutPdfPage turns each page into lines
// and ruled tables, and here the pages are put together: page numbers dropped, a table that runs on
// to the next page joined back into one. A PDF without text (a scan) is refused: there is nothing to
// read without OCR, and the clerk must be told so rather than shown an empty document.
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { DomainError } from '../../../shared/errors';
import { MAX_PDF_PAGES } from '../readers/limits';
import { layoutPdfPage, type PdfPageBlock, type PdfRule, type PdfRun, type PdfTable } from './layoutPdfPage';
import type { RawBlock, RawCell } from './types';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

// pdf.js reads drawing operations with ArrayBuffer.prototype.transferToFixedLength, which Node has
// from 21 on (Electron 39 ships Node 22; the CLI and tests run on Node 20). Without it pdf.js drops a
// page's drawing silently and no table rule would be found. A copy is what the transfer amounts to here.
const arrayBufferProto = ArrayBuffer.prototype as ArrayBuffer & {
  transferToFixedLength?: (length?: number) => ArrayBuffer;
};
if (typeof arrayBufferProto.transferToFixedLength !== 'function') {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength) {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}

/** A line that is only a page number: 3, - 3 -, — 3 —, 第3页, 第 3 页 共 9 页, 3/9. */
const PAGE_NUMBER =
  /^\s*(?:[-—–－·•‒―]+\s*)?\d{1,4}(?:\s*[-—–－·•‒―]+)?\s*$|^\s*第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*$|^\s*\d+\s*\/\s*\d+\s*$/;

/** Fewer characters than this in the whole file: a scan (or a cover page of a scan), not a text PDF. */
const MIN_TEXT_CHARS = 10;

function refusal(code: string, message: string, cause?: unknown): DomainError {
  const err = new DomainError(code, message);
  // The library's own error goes to the log (the reader worker sends the cause on), not to the clerk.
  if (cause !== undefined) (err as Error & { cause?: unknown }).cause = cause;
  return err;
}

const brokenMessage = (fileName: string) =>
  `“${fileName}”是 PDF 文件，但文件已损坏或不完整（可能没有下载或复制完整），无法读取。请重新索取或下载原文件；如有 Word 原件，请直接导入 .docx 或 .doc。`;

/** A complete PDF ends with %%EOF (a writer may add a little after it); a cut-off download does not. */
function looksComplete(data: Buffer): boolean {
  return data.subarray(Math.max(0, data.length - 2048)).includes('%%EOF');
}

async function openPdf(fileName: string, data: Buffer): Promise<PdfDocument> {
  if (!looksComplete(data)) throw refusal('documents/pdf-broken', brokenMessage(fileName));
  try {
    // A copy: pdf.js takes over (detaches) the buffer it is given, and the caller's Buffer may be a view
    // of a larger pooled one.
    return await getDocumentProxy(new Uint8Array(data), {
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
    });
  } catch (err) {
    if ((err as Error)?.name === 'PasswordException') {
      throw refusal(
        'documents/pdf-encrypted',
        `“${fileName}”是加密（有打开密码）的 PDF 文件，无法读取。请向发文单位索取未加密的文件或 Word 原件后导入。`,
        err,
      );
    }
    throw refusal('documents/pdf-broken', brokenMessage(fileName), err);
  }
}

/** The page's text runs, in PDF units (y up). */
async function pageRuns(page: PdfPage): Promise<PdfRun[]> {
  const content = await page.getTextContent();
  const runs: PdfRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str) continue;
    // pdf.js gives every text item its six-number transform matrix.
    const [, , c, d, x, y] = item.transform as Matrix;
    runs.push({ text: item.str, x, y, width: item.width, size: Math.hypot(c, d) || item.height || 10 });
  }
  return runs;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * Straight lines the page draws (table borders), from pdf.js's operator list. The path format is
 * pdf.js 5's (constructPath: paint op, [path data], bounds); a shape it does not match gives no rules,
 * and tables then come out as tab-separated lines.
 */
async function pageRules(page: PdfPage): Promise<PdfRule[]> {
  const { OPS } = await getResolvedPDFJS();
  const list = await page.getOperatorList();
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const at = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform && Array.isArray(args) && args.length === 6) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath && Array.isArray(args) && args[0] !== OPS.endPath) {
      const data = Array.isArray(args[1]) ? (args[1][0] as ArrayLike<number> | undefined) : undefined;
      if (!data || typeof data.length !== 'number') continue;
      let start: [number, number] | null = null;
      let last: [number, number] | null = null;
      const segment = (a: [number, number], b: [number, number]) => {
        if (Math.abs(a[1] - b[1]) <= 0.5 || Math.abs(a[0] - b[0]) <= 0.5)
          rules.push({ x0: a[0], y0: a[1], x1: b[0], y1: b[1] });
      };
      // A path cut short reads NaN coordinates, which no rule test accepts.
      const point = (i: number) => at(data[i] ?? NaN, data[i + 1] ?? NaN);
      for (let k = 0; k < data.length;) {
        const op = data[k];
        if (op === 0) {
          last = start = point(k + 1);
          k += 3;
        } else if (op === 1) {
          const p = point(k + 1);
          if (last) segment(last, p);
          last = p;
          k += 3;
        } else if (op === 2) {
          last = point(k + 5);
          k += 7;
        } else if (op === 3) {
          last = point(k + 3);
          k += 5;
        } else if (op === 4) {
          if (last && start) segment(last, start);
          last = start;
          k += 1;
        } else break;
      }
    }
  }
  return rules;
}

const rowText = (row: RawCell[]) => row.map((c) => c.lines.join('\n')).join('\t');
const sameColumns = (a: number[], b: number[]) =>
  a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] ?? NaN)) <= 3);

/**
 * A table that ends one page and starts the next is one table: its header row, repeated on the new
 * page, is dropped, and a row split by the page break (its first cell empty on the new page, the
 * row number left on the old one) is joined back. A merged 序号 cell running over a page break reads
 * the same way and is joined too; that is the rarer case.
 */
function continueTable(prev: PdfTable, next: PdfTable): void {
  let rows = next.rows;
  const [header] = rows;
  const [prevHeader] = prev.rows;
  if (header && prevHeader && rowText(header) === rowText(prevHeader)) rows = rows.slice(1);
  const last = prev.rows[prev.rows.length - 1];
  const first = rows[0];
  if (first?.[0] && last?.[0] && !first[0].lines.length && !first[0].mergedFrom && last[0].lines.length) {
    // The break fell inside the cells' text: their first line on the new page goes on from the last.
    first.forEach((cell, c) => {
      const [head, ...rest] = cell.lines;
      const lines = last[c]?.lines;
      if (head === undefined || !lines) return;
      if (lines.length) lines[lines.length - 1] += head;
      else lines.push(head);
      lines.push(...rest);
    });
    rows = rows.slice(1);
  }
  const offset = prev.rows.length;
  for (const row of rows) {
    prev.rows.push(
      row.map((cell) =>
        cell.mergedFrom
          ? {
              ...cell,
              mergedFrom: {
                row: cell.mergedFrom.row - (next.rows.length - rows.length) + offset,
                col: cell.mergedFrom.col,
              },
            }
          : cell,
      ),
    );
  }
}

/** The document's blocks in reading order; refuses a PDF without text. */
export async function readPdfText(fileName: string, data: Buffer): Promise<RawBlock[]> {
  const pdf = await openPdf(fileName, data);
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw refusal(
        'documents/too-long',
        `“${fileName}”有 ${pdf.numPages} 页，超过上限 ${MAX_PDF_PAGES} 页，不像是一份实施方案，未读取。请检查是否发错了文件；如确是政策文件，可只把含重点任务的页另存为 PDF 后导入。`,
      );
    }
    const out: (PdfPageBlock | RawBlock)[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      let blocks: PdfPageBlock[];
      try {
        const page = await pdf.getPage(n);
        const runs = await pageRuns(page);
        for (const r of runs) chars += r.text.trim().length;
        blocks = runs.length ? layoutPdfPage(runs, await pageRules(page)) : [];
        page.cleanup();
      } catch (err) {
        if (err instanceof DomainError) throw err;
        throw refusal('documents/pdf-broken', brokenMessage(fileName), err);
      }
      let first = true;
      for (const block of blocks) {
        if (block.kind === 'line') {
          if (PAGE_NUMBER.test(block.text)) continue;
          first = false;
          out.push({ kind: 'para', text: block.text });
          continue;
        }
        const prev = out[out.length - 1];
        if (first && prev && prev.kind === 'table' && 'columns' in prev && sameColumns(prev.columns, block.columns))
          continueTable(prev, block);
        else out.push(block);
        first = false;
      }
    }
    if (chars < MIN_TEXT_CHARS) {
      throw refusal(
        'documents/pdf-scanned',
        `“${fileName}”是扫描件（PDF 里只有图片，没有文字），无法读取其中的任务。请向发文单位索取 Word 原件（.docx 或 .doc）后导入；如只有纸质件或扫描件，请先用 WPS 或其他 OCR 工具把它识别为文字，另存为 .docx 或 .txt 后再导入。`,
      );
    }
    return out.map((b) => (b.kind === 'table' ? { kind: 'table', rows: b.rows } : { kind: 'para', text: b.text }));
  } finally {
    void pdf.destroy();
  }
}
