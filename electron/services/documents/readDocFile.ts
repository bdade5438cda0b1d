// Word 97–2003 (.doc/.dot) and WPS (.wps) documents: the OLE compound files many county offices still
// send. Read with word-extractor: pure JavaScript (no native build for the Windows installer, no
// LibreOffice on the clerk's PC), kept up for a decade, and it follows the piece table, so text Word
// saved by "fast save" comes out in reading order with field codes ({ PAGE }, hyperlinks) removed.
//
// It gives the body as one string. Its cleaning turns each cell mark (\u0007) into a tab and the row
// mark into a line break right after the last cell's tab, so a table row reads `A\tB\tC\t\n`, and a
// cell's own paragraphs are joined by \n. The row's end is therefore certain; its start is read back
// from there (see rowLines). Merged cells are not marked in that text: a vertically merged cell reads
// as empty, a row merged across reads as fewer cells (filled here as merged from its first).
import WordExtractor from 'word-extractor';
import { DomainError } from '../../../shared/errors';
import type { RawBlock, RawCell, RawTable } from './types';

/** The text a reader can use: controls Word leaves (field marks, page breaks, NULs) dropped. */
function cleanLine(line: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what is being removed
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/g, '').replace(/\u00a0/g, ' ');
}

const tabs = (line: string) => line.split('\t').length - 1;

/** The cells of a row from its lines: every tab closes a cell; a cell's paragraphs stay its lines. */
function rowCells(lines: string[]): string[][] {
  let cell: string[] = [];
  const cells: string[][] = [cell];
  for (const line of lines) {
    const parts = line.split('\t');
    parts.forEach((part, i) => {
      if (i > 0) cells.push((cell = []));
      const text = cleanLine(part).trim();
      if (text) cell.push(text);
    });
  }
  cells.pop(); // after the row's last tab
  return cells;
}

function toTable(rows: string[][][]): RawTable {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    kind: 'table',
    rows: rows.map((cells, r) => {
      const out: RawCell[] = cells.map((lines) => ({ lines }));
      // A row of one cell in a wider table (a section row, 一、…) was merged across all columns.
      for (let c = out.length; c < width; c++)
        out.push(cells.length === 1 ? { lines: [], mergedFrom: { row: r, col: 0 } } : { lines: [] });
      return out;
    }),
  };
}

/**
 * Paragraphs and tables from word-extractor's body text. A line ending in a tab ends a table row.
 * The lines before it belong to the row when they hold a cell mark (a row whose cells have several
 * paragraphs) or when the row would otherwise have fewer cells than the table above it; any other
 * line is a paragraph, and one between two rows ends the first table. A tab typed inside a cell, or a
 * cell's earlier paragraphs in the first column, cannot be told from that text: the first is read as a
 * cell break, the second as paragraphs before the row.
 */
export function blocksFromDocText(body: string): RawBlock[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const blocks: RawBlock[] = [];
  let table: string[][][] | null = null;
  let width = 0;
  let pending: string[] = [];

  const closeTable = () => {
    if (table) blocks.push(toTable(table));
    table = null;
    width = 0;
  };
  const flushParagraphs = (from: string[]) => {
    for (const line of from) {
      const text = cleanLine(line).trim();
      if (text) blocks.push({ kind: 'para', text });
    }
  };

  for (const line of lines) {
    if (!line.endsWith('\t')) {
      pending.push(line);
      continue;
    }
    // Read the row back from its end: take earlier lines while they are inside it.
    let start = pending.length;
    let count = tabs(line);
    for (let prev = pending[start - 1]; prev !== undefined; prev = pending[start - 1]) {
      if (prev.includes('\t') || (table && count < width && prev.trim() !== '')) {
        start--;
        count += tabs(prev);
      } else break;
    }
    const before = pending.slice(0, start);
    if (before.some((l) => cleanLine(l).trim())) {
      closeTable();
      flushParagraphs(before);
    }
    const cells = rowCells([...pending.slice(start), line]);
    pending = [];
    if (!table) table = [];
    table.push(cells);
    width = Math.max(width, cells.length);
  }
  closeTable();
  flushParagraphs(pending);
  return blocks;
}

/** Reads a .doc/.dot/.wps; a file word-extractor cannot parse is refused with a message naming it. */
export async function readDocFile(fileName: string, data: Buffer): Promise<RawBlock[]> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(data);
    // filterUnicode off: its "filter" turns “” into " and — into -, which Chinese text needs as they are.
    // The typings leave out getBody's options argument, which the rule cannot see the cast adding.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    body = (doc.getBody as (options?: { filterUnicode?: boolean }) => string).call(doc, { filterUnicode: false });
  } catch (err) {
    const refused = new DomainError(
      'documents/doc-broken',
      `“${fileName}”是旧版 Word (.doc) 或 WPS 格式，但文件已损坏或不完整，无法读取。请重新索取原文件；或用 Word、WPS 打开它，选择“文件 → 另存为”，保存为“Word 文档 (*.docx)”后再导入。`,
    );
    // The library's own error goes to the log (the reader worker sends the cause on), not to the clerk.
    (refused as Error & { cause?: unknown }).cause = err;
    throw refused;
  }
  const blocks = blocksFromDocText(body);
  if (!blocks.length) {
    throw new DomainError(
      'documents/doc-empty',
      `“${fileName}”里没有读到文字（可能只有图片，或正文在文本框中）。请用 Word 或 WPS 打开检查；如是扫描件，请索取 Word 原件后导入。`,
    );
  }
  return blocks;
}
