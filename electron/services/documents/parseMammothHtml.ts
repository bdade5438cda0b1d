// mammoth writes a small, regular subset of HTML (p, h1–h6, li, table/tr/td/th with rowspan/colspan,
// br, inline marks). Reading that subset here avoids a dependency on a general HTML parser.
import { DomainError } from '../../../shared/errors';
import { MAX_CELLS as MAX_TABLE_CELLS } from '../readers/limits';
import type { RawBlock, RawCell } from './types';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

interface CellBuild {
  lines: string[];
  rowspan: number;
  colspan: number;
}

interface TableBuild {
  rows: CellBuild[][];
}

/** Turns mammoth's HTML into paragraphs and tables whose merged cells are filled down and right. */
export function parseMammothHtml(html: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const tables: TableBuild[] = [];
  let cell: CellBuild | null = null;
  const cellStack: (CellBuild | null)[] = [];
  let para: string | null = null;
  let paraHeading = false;

  const flushPara = () => {
    if (para === null) return;
    const lines = para.split('\n');
    if (cell) for (const line of lines) cell.lines.push(line);
    else
      for (const line of lines)
        blocks.push(paraHeading ? { kind: 'para', text: line, heading: true } : { kind: 'para', text: line });
    para = null;
  };

  const tokens = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = tokens.exec(html))) {
    const [, closing, rawTag, attrs, textPart] = m;
    if (textPart !== undefined) {
      const text = decodeEntities(textPart);
      if (para === null) para = '';
      para += text;
      continue;
    }
    // Not text, so the tag alternative matched: its name is set and its attributes are a string.
    const tag = rawTag!.toLowerCase();
    if (BLOCK_TAGS.has(tag)) {
      flushPara();
      if (!closing) {
        para = '';
        paraHeading = tag[0] === 'h';
      }
    } else if (tag === 'br') {
      if (para === null) para = '';
      para += '\n';
    } else if (tag === 'table') {
      flushPara();
      if (!closing) {
        cellStack.push(cell);
        cell = null;
        tables.push({ rows: [] });
      } else {
        const built = tables.pop();
        cell = cellStack.pop() ?? null;
        if (built) {
          const rows = fillMerged(built);
          // A table inside a cell is read as that cell's lines: appendix tables are never nested.
          if (cell) for (const r of rows) cell.lines.push(r.map((c) => c.lines.join(' ')).join(' '));
          else blocks.push({ kind: 'table', rows });
        }
      }
    } else if (tag === 'tr') {
      flushPara();
      if (!closing) tables[tables.length - 1]?.rows.push([]);
    } else if (tag === 'td' || tag === 'th') {
      flushPara();
      const table = tables[tables.length - 1];
      if (!closing && table) {
        let row = table.rows[table.rows.length - 1];
        if (!row) table.rows.push((row = []));
        cell = { lines: [], rowspan: spanAttr(attrs!, 'rowspan'), colspan: spanAttr(attrs!, 'colspan') };
        row.push(cell);
      } else if (closing) {
        cell = null;
      }
    }
  }
  flushPara();
  return blocks;
}

function spanAttr(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*"?(\\d+)`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n < 1000 ? n : 1;
}

/** Lays cells on a grid; a merged cell's copies point back to it so they can be filled and traced. */
export function fillMerged(table: TableBuild): RawCell[][] {
  const grid: RawCell[][] = [];
  // Merged cells are spelt out one copy per place, so spans (up to 999 × 999 each) are counted.
  let placed = 0;
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const built of row) {
      while (grid[r][c]) c++;
      const lines = built.lines.map((l) => l.trim()).filter((l) => l !== '');
      // Rows a rowspan reaches past the last <tr> are dropped below: they are never filled.
      const rowspan = Math.min(built.rowspan, table.rows.length - r);
      placed += rowspan * built.colspan;
      if (placed > MAX_TABLE_CELLS) {
        throw new DomainError(
          'documents/table-too-large',
          `中的表格有超过 ${MAX_TABLE_CELLS} 个单元格（含合并单元格的每一格），超过上限，不像是政策文件中的表格，未读取。请检查是否发错了文件。`,
        );
      }
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < built.colspan; dc++) {
          const gridRow = (grid[r + dr] ??= []);
          gridRow[c + dc] = dr === 0 && dc === 0 ? { lines } : { lines, mergedFrom: { row: r, col: c } };
        }
      }
      c += built.colspan;
    }
  });
  // Rowspans can reach past the last <tr>; those phantom rows are not part of the table.
  return grid.slice(0, table.rows.length).map((row) => Array.from(row, (cell) => cell ?? { lines: [] }));
}
