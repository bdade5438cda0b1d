// Ctrl+C on the 任务清单 grid: the focused cell or the ticked rows as Excel/WPS put them on the clipboard,
// tab-separated text and an HTML table, so they paste into a sheet cell for cell.
import type { GridRow } from '@shared/taskListRows';
import { WARNING_LABELS } from '@shared/warningLevel';
import { WRAPPED_TEXT } from './fittedRowHeights';

/** What each column copies: the ledger's own text, not the grid's display (no wrapping, no icons). */
const COPY_TEXT: Record<string, (r: GridRow) => string> = {
  warning: (r) => WARNING_LABELS[r.warning],
  number: (r) => r.node.number,
  task: (r) => (r.task ? `${r.task.number}${r.task.title}` : ''),
  ...WRAPPED_TEXT,
  status: (r) => r.node.status,
};

export const copiesColumn = (colId: string) => colId in COPY_TEXT;

/** A section banner spans the row: whatever its cell, it copies the section's title. */
export function cellCopyText(row: GridRow, colId: string): string {
  if (row.kind === 'section') return `${row.node.number}${row.node.title}`;
  return COPY_TEXT[colId]?.(row) ?? '';
}

/** The ticked rows under a header row, so a paste into Excel is labelled and a paste back here maps by it. */
export function rowsForCopy(rows: GridRow[], columns: { colId: string; header: string }[]): string[][] {
  const shown = columns.filter((c) => copiesColumn(c.colId));
  return [shown.map((c) => c.header), ...rows.map((r) => shown.map((c) => cellCopyText(r, c.colId)))];
}

/** Excel's own quoting: a cell with a tab, a line break or a quote is quoted, its quotes doubled. */
export function toTsv(rows: string[][]): string {
  const cell = (t: string) => (/[\t\r\n"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return rows.map((r) => r.map(cell).join('\t')).join('\r\n') + '\r\n';
}

const escapeHtml = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTML table Excel and WPS read on paste. Every cell is marked as text (mso-number-format:\@), so a
 * 序号 "1." or a date stays as written; a line break stays inside its cell.
 */
export function toHtml(rows: string[][], headerRows: number): string {
  const body = rows
    .map((r, i) => {
      const tag = i < headerRows ? 'th' : 'td';
      const cells = r.map(
        (t) =>
          `<${tag} style="mso-number-format:'\\@';white-space:normal">${escapeHtml(t).replace(
            /\r?\n/g,
            '<br style="mso-data-placement:same-cell">',
          )}</${tag}>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<html><head><meta charset="utf-8"></head><body><table>${body}</table></body></html>`;
}
