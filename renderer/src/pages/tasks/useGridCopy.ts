// Ctrl+C on the 任务清单 grid: puts the ticked rows, or else the focused cell, on the clipboard for Excel/WPS.
import type { GridApi } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';
import type { GridRow } from '@shared/taskListRows';
import { cellCopyText, rowsForCopy, toHtml, toTsv } from './gridCopy';

/**
 * Listens for the copy event rather than writing with navigator.clipboard: the event carries text/plain and
 * text/html together, needs no clipboard permission and works on any origin (the browser harness is plain http).
 */
export function useGridCopy(
  apiRef: RefObject<GridApi<GridRow> | null>,
  gridHostRef: RefObject<HTMLDivElement | null>,
  tell: (message: string) => void,
) {
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => {
      const api = apiRef.current;
      const el = document.activeElement as HTMLElement | null;
      if (!api || !e.clipboardData || !el || !gridHostRef.current?.contains(el)) return;
      const typing =
        (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox') ||
        el.tagName === 'TEXTAREA' ||
        el.isContentEditable;
      if (typing || api.getEditingCells().length > 0) return;
      const ticked = api
        .getSelectedNodes()
        .sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0))
        .flatMap((n) => (n.data ? [n.data] : []));
      let block: string[][];
      let notice: string;
      if (ticked.length > 0) {
        const columns = api
          .getAllDisplayedColumns()
          .map((c) => ({ colId: c.getColId(), header: c.getColDef().headerName ?? '' }));
        block = rowsForCopy(ticked, columns);
        notice = `已复制勾选的 ${ticked.length} 行（含表头），可在 Excel/WPS 中粘贴。`;
      } else {
        const cell = api.getFocusedCell();
        const row = cell ? api.getDisplayedRowAtIndex(cell.rowIndex)?.data : undefined;
        if (!cell || !row) return;
        block = [[cellCopyText(row, cell.column.getColId())]];
        notice = `已复制“${cell.column.getColDef().headerName ?? ''}”单元格。`;
      }
      e.preventDefault();
      e.clipboardData.setData('text/plain', toTsv(block));
      e.clipboardData.setData('text/html', toHtml(block, ticked.length > 0 ? 1 : 0));
      tell(notice);
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  }, [apiRef, gridHostRef, tell]);
}
