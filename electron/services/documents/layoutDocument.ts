// Lays the blocks out as one string so every extracted item can point at its source by offsets.
// Paragraphs are lines; a table row is one line of tab-separated cells. A merged cell's copies are
// written once, at the origin, and point back to it.
import type { Cell, DocText, Line, RawBlock, TableBlock } from './types';

export function layoutDocument(blocks: RawBlock[]): DocText {
  let text = '';
  const lines: Line[] = [];
  const tables: TableBlock[] = [];
  const newline = () => {
    if (text) text += '\n';
  };
  blocks.forEach((block, order) => {
    if (block.kind === 'para') {
      newline();
      const start = text.length;
      text += block.text;
      lines.push({ text: block.text, start, end: text.length, heading: Boolean(block.heading), order });
      return;
    }
    newline();
    const tableStart = text.length;
    const rows: Cell[][] = [];
    block.rows.forEach((rawRow, r) => {
      if (r > 0) text += '\n';
      const row: Cell[] = [];
      rawRow.forEach((raw, c) => {
        if (c > 0) text += '\t';
        const origin = raw.mergedFrom ? rows[raw.mergedFrom.row]?.[raw.mergedFrom.col] : undefined;
        if (origin) {
          row.push({ text: origin.text, lines: origin.lines, span: origin.span, filled: true });
          return;
        }
        const start = text.length;
        const cellText = raw.lines.join('\n');
        text += cellText;
        row.push({ text: cellText, lines: raw.lines, span: { start, end: text.length }, filled: false });
      });
      rows.push(row);
    });
    tables.push({ order, rows, span: { start: tableStart, end: text.length } });
  });
  return { text, lines, tables };
}
