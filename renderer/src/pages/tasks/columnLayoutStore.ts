// Each grid's column widths, order and visibility, remembered on this computer.
import type { ColumnState, GridApi } from 'ag-grid-community';

/** Column widths, order and which columns are shown, remembered per grid on this computer. */
export function columnLayoutStore(gridName: string) {
  const key = `duban.columns.${gridName}`;
  const read = (): ColumnState[] | null => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? 'null') as ColumnState[] | null;
    } catch {
      return null;
    }
  };
  return {
    restore(api: GridApi) {
      const state = read();
      if (state) api.applyColumnState({ state, applyOrder: true });
    },
    save(api: GridApi) {
      localStorage.setItem(key, JSON.stringify(api.getColumnState()));
    },
    isVisible(colId: string, whenNotSaved: boolean): boolean {
      const saved = read()?.find((c) => c.colId === colId);
      return saved ? !saved.hide : whenNotSaved;
    },
  };
}
