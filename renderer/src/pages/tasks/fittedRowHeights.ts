// Task-list row heights that fit wrapped text: counted from character widths, then measured on screen and corrected.
import type { GridApi, RowHeightParams } from 'ag-grid-community';
import { useCallback, useMemo, useRef } from 'react';
import type { GridRow } from '@shared/taskListRows';
import { canvasCharWidths, countWrappedLines } from './wrappedLines';

/** What the wrapped columns show, shared by the grid's value getters and the height estimate. */
export const WRAPPED_TEXT = {
  content: (r: GridRow) => r.node.content,
  lead: (r: GridRow) => r.leadNames,
  co: (r: GridRow) => r.coNames,
  deadline: (r: GridRow) => r.node.deadline.text || r.node.deadline.date || '',
  latest: (r: GridRow) =>
    r.latest ? `${r.latest.percent !== null ? `【${r.latest.percent}%】` : ''}${r.latest.progress}` : '',
  notes: (r: GridRow) => r.node.notes,
} satisfies Record<string, (r: GridRow) => string>;

const WRAPPED_COLUMNS = Object.entries(WRAPPED_TEXT);

export const SECTION_ROW_HEIGHT = 38;
// These follow styles.css (.ag-cell-wrap-text: 14 px text, line-height 1.6, 6 px top and bottom) and the
// grid theme (8 px side padding, 1 px cell border): a tall cell is lines × 22.4 + 14 px.
const LINE_HEIGHT = 22.4;
const VERTICAL_EXTRA = 14;
const HORIZONTAL_EXTRA = 16;
const MIN_ROW_HEIGHT = 42;

const WRAPPED_CELLS = Object.keys(WRAPPED_TEXT)
  .map((colId) => `.ag-row .ag-cell[col-id="${colId}"]`)
  .join(', ');

const heightFor = (lines: number) => Math.max(MIN_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + VERTICAL_EXTRA));

/**
 * Row heights that fit wrapped text without AG Grid's autoHeight. Every row gets a height counted from
 * character widths (no layout), and the rows on screen are then measured in one pass and corrected, so
 * what the clerk sees is exact even where the count was a line off.
 */
export function useFittedRowHeights(
  apiRef: React.RefObject<GridApi<GridRow> | null>,
  hostRef: React.RefObject<HTMLElement | null>,
) {
  const widthOfRef = useRef<((ch: string) => number) | null>(null);
  const frame = useRef(0);

  const getRowHeight = useCallback((p: RowHeightParams<GridRow>): number | undefined => {
    const row = p.data;
    if (!row) return undefined;
    if (row.kind === 'section') return SECTION_ROW_HEIGHT;
    widthOfRef.current ??= canvasCharWidths(`14px ${getComputedStyle(document.body).fontFamily}`);
    let lines = 1;
    for (const [colId, text] of WRAPPED_COLUMNS) {
      const column = p.api.getColumn(colId);
      if (!column?.isVisible()) continue;
      const value = text(row);
      if (value)
        lines = Math.max(
          lines,
          countWrappedLines(value, column.getActualWidth() - HORIZONTAL_EXTRA, widthOfRef.current),
        );
    }
    return heightFor(lines);
  }, []);

  /** Measures the rows on screen (all reads, then all writes: one layout) and fixes any that are off. */
  const fitShownRows = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const api = apiRef.current;
      const host = hostRef.current;
      if (!api || api.isDestroyed() || !host) return;
      const needed = new Map<string, number>();
      const range = document.createRange();
      for (const cell of host.querySelectorAll<HTMLElement>(WRAPPED_CELLS)) {
        const id = cell.closest('.ag-row')?.getAttribute('row-id');
        if (!id) continue;
        needed.set(id, needed.get(id) ?? MIN_ROW_HEIGHT);
        if (!cell.textContent) continue;
        // The text's own box, not the cell's: a cell that is too tall or clipped reads the same.
        range.selectNodeContents(cell);
        const lines = Math.max(1, Math.round(range.getBoundingClientRect().height / LINE_HEIGHT));
        needed.set(id, Math.max(needed.get(id)!, heightFor(lines)));
      }
      let changed = false;
      for (const [id, height] of needed) {
        const node = api.getRowNode(id);
        if (node && node.data?.kind !== 'section' && Math.abs((node.rowHeight ?? 0) - height) > 1) {
          node.setRowHeight(height);
          changed = true;
        }
      }
      if (changed) api.onRowHeightChanged();
    });
  }, [apiRef, hostRef]);

  /** Column widths changed: count again for every row, then measure the ones on screen. */
  const refitAll = useCallback(() => {
    apiRef.current?.resetRowHeights();
    fitShownRows();
  }, [apiRef, fitShownRows]);

  return useMemo(() => ({ getRowHeight, fitShownRows, refitAll }), [getRowHeight, fitShownRows, refitAll]);
}
