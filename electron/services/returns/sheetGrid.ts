// A sheet of a township's return as every reader hands it on: rows of plain cell values, banner rows and formula cells.
export type CellValue = string | number | Date | null;

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based; merged cells read as their top-left value. */
  rows: CellValue[][];
  /** Row indexes whose cells are one merged banner across the table (一、县下达任务). */
  bannerRows: Set<number>;
  /** Cells holding a formula (read as its cached result), as formulaKey(row, col), 0-based. */
  formulas: Set<number>;
}

export const formulaKey = (row: number, col: number) => row * 20000 + col;

/**
 * A number shown as a percentage (0.8 formatted 0%) is read as the clerk sees it, 80%, so that a
 * column headed 完成进度（%） can take plain numbers as percents without misreading these.
 */
export function asShownPercent(value: number): string {
  return `${Math.round(value * 10000) / 100}%`;
}
