// .txt/.md as clerks produce them: text copied out of a PDF or Word, sometimes saved by WPS in GBK,
// sometimes run through a markdown converter. Word tables copied as text arrive as one cell per
// tab-led line, rows ending in a blank line; they are rebuilt here as tables.
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { RawBlock, RawCell } from './types';

export function decodeText(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3).toString('utf8');
  if (data[0] === 0xff && data[1] === 0xfe) return iconv.decode(data.subarray(2), 'utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return iconv.decode(data.subarray(2), 'utf16be');
  const utf8 = data.toString('utf8');
  // Invalid UTF-8 shows up as U+FFFD; Chinese Windows tools save GBK by default.
  return utf8.includes('\ufffd') ? iconv.decode(data, 'gb18030') : utf8;
}

const PAGE_NUMBER =
  /^\s*(?:[-—–－·•]\s*)?\d{1,3}(?:\s*[-—–－·•])?\s*$|^\s*第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?\s*$|^\s*\d+\s*\/\s*\d+\s*$/;

// A few markdown patterns are read by scans rather than regexes: on a long line of the wrong shape
// (a garbled file) the regex retried every start position to the end of the line, which is quadratic.

/** /\[bookmark:[^\]]*\]/gi removed: each marker up to the next ]. */
function stripBookmarks(line: string): string {
  const marker = /\[bookmark:/gi;
  let out = '';
  let from = 0;
  for (let m = marker.exec(line); m; m = marker.exec(line)) {
    const close = line.indexOf(']', m.index + m[0].length);
    // Without a ] after it, no marker further on has one either.
    if (close < 0) break;
    out += line.slice(from, m.index);
    from = close + 1;
    marker.lastIndex = from;
  }
  return from ? out + line.slice(from) : line;
}

const isSpace = (ch: string) => /\s/.test(ch);

/** /\s+#+\s*$/ removed: the closing hashes of a markdown heading (## 标题 ##). */
function stripClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === end || hashes === 0 || !isSpace(text.charAt(hashes - 1))) return text;
  let start = hashes - 1;
  while (start > 0 && isSpace(text.charAt(start - 1))) start--;
  return text.slice(0, start);
}

/** Strips what a markdown converter added; reports whether the line was a markdown heading. */
export function stripMarkdown(line: string): { text: string; heading: boolean } {
  let text = stripBookmarks(line);
  const h = /^\s{0,3}#{1,6}\s+/.exec(text);
  if (h) text = stripClosingHashes(text.slice(h[0].length));
  text = text
    .replace(/^\s*>\s?/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\\([.()[\]*_#\-+!`>|])/g, '$1');
  return { text, heading: Boolean(h) };
}

/** /^\s*\|.*\|\s*$/: a | first and a | last (spaces aside), no line break between. */
export function isMarkdownTableRow(line: string): boolean {
  const first = line.search(/\S/);
  if (first < 0 || line[first] !== '|') return false;
  const last = line.trimEnd().length - 1;
  return last > first && line[last] === '|' && !/[\n\r\u2028\u2029]/.test(line.slice(first + 1, last));
}

function markdownCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.replace(/<br\s*\/?>/gi, '\n').trim());
}

export function readPastedText(data: Buffer): RawBlock[] {
  const lines = decodeText(data).replace(/\r\n?/g, '\n').split('\n');
  const blocks: RawBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('\t')) {
      const { table, next } = readTabTable(lines, i);
      if (table.rows.length) blocks.push(table);
      i = next;
      continue;
    }
    if (startsSpreadsheetPaste(lines, i)) {
      const { rows, next } = readSpreadsheetPaste(lines, i);
      if (rows.length) blocks.push({ kind: 'table', rows });
      i = next;
      continue;
    }
    if (isMarkdownTableRow(line)) {
      const rows: RawCell[][] = [];
      for (let row = lines[i]; row !== undefined && isMarkdownTableRow(row); row = lines[++i]) {
        const cells = markdownCells(row);
        if (!cells.every((c) => /^:?-{2,}:?$/.test(c)))
          rows.push(cells.map((c) => ({ lines: c.split('\n').map((l) => stripMarkdown(l).text) })));
      }
      blocks.push({ kind: 'table', rows });
      continue;
    }
    i++;
    if (!line.trim() || PAGE_NUMBER.test(line) || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) continue;
    const { text, heading } = stripMarkdown(line);
    if (text.trim()) blocks.push(heading ? { kind: 'para', text, heading } : { kind: 'para', text });
  }
  return blocks;
}

/** Cells copied from Excel/WPS: tab-separated on a line that does not start with a tab, and the next row too. */
function startsSpreadsheetPaste(lines: string[], i: number): boolean {
  const cells = (l: string | undefined) => (l ? l.split('\t').length : 0);
  if (lines[i]?.startsWith('\t') || cells(lines[i]) < 3) return false;
  // The header row and at least one more tab-separated line within the next few (a quoted cell may span lines).
  for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) if (cells(lines[j]) >= 3) return true;
  return false;
}

/**
 * Excel's copy (and a .txt saved from it) is TSV with quoted cells that hold line breaks; papaparse
 * reads that quoting correctly. The table ends at the first row with no tab.
 */
function readSpreadsheetPaste(lines: string[], from: number): { rows: RawCell[][]; next: number } {
  const text = lines.slice(from).join('\n');
  const rows: RawCell[][] = [];
  let consumed = text.length;
  Papa.parse<string[]>(text, {
    delimiter: '\t',
    quoteChar: '"',
    step: (result, parser) => {
      const fields = result.data;
      if (fields.length < 2) {
        if (fields.join('').trim()) {
          consumed = result.meta.cursor - fields.join('').length;
          parser.abort();
        }
        return;
      }
      if (!fields.some((f) => f.trim())) return;
      rows.push(
        fields.map((f) => ({
          lines: f
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        })),
      );
    },
  });
  const next = from + text.slice(0, Math.max(0, consumed)).split('\n').length - 1;
  return { rows, next: Math.max(next, from + 1) };
}

/**
 * Word's "copy table as text": every cell starts with a tab; lines without one continue the cell;
 * a blank line before a tab-led line ends the row. Blank lines inside a cell (Word pads merged cells
 * with empty paragraphs) are kept apart from row ends by requiring a row to be as wide as the first.
 */
function readTabTable(lines: string[], from: number): { table: { kind: 'table'; rows: RawCell[][] }; next: number } {
  const rows: string[][][] = [];
  let row: string[][] = [];
  let cell: string[] | null = null;
  let sawBlank = false;
  // Where the run of blank lines being passed ends: looked up once per run, not once per blank line.
  let blankRunEnd = -1;
  let i = from;
  const width = () => rows[0]?.length ?? 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('\t')) {
      if (sawBlank && row.length && row.length >= width()) {
        rows.push(row);
        row = [];
      }
      sawBlank = false;
      cell = [line.slice(1)];
      row.push(cell);
      continue;
    }
    if (!line.trim()) {
      sawBlank = true;
      // The table ends when no tab-led line follows within a few blank lines; decided at the run's
      // first blank line, as the rest of the run is nearer the line that follows it.
      if (i < blankRunEnd) continue;
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trim()) j++;
      blankRunEnd = j;
      const after = lines[j];
      if (after === undefined || (j - i > 12 && !after.startsWith('\t'))) break;
      continue;
    }
    if (sawBlank && row.length >= width() && row.length && !nextTabSoon(lines, i)) break;
    cell?.push(line);
  }
  if (row.length) rows.push(row);
  const table = {
    kind: 'table' as const,
    rows: rows.map((r) => r.map((c) => ({ lines: c.map((l) => stripMarkdown(l).text.trim()).filter(Boolean) }))),
  };
  return { table, next: i };
}

/** Text after a blank line still belongs to the table only when the row goes on with a tab-led cell. */
function nextTabSoon(lines: string[], i: number): boolean {
  for (const line of lines.slice(i, i + 4)) {
    if (line.startsWith('\t')) return true;
    if (!line.trim()) return false;
  }
  return false;
}
