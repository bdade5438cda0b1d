import type ExcelJS from 'exceljs';

/**
 * What a clerk typed is written as a text cell (a shared string), never as a formula, even when it
 * starts with = + - @ (the spreadsheet-injection trick: =HYPERLINK(…), =cmd|…). exceljs only writes a
 * formula when given a {formula} value, so the rule is: user text always goes in as a plain string.
 * Numbers stay numbers.
 */
export function setText(cell: ExcelJS.Cell, value: string | number | null | undefined): void {
  cell.value = typeof value === 'number' ? value : String(value ?? '');
}
