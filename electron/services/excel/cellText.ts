import type ExcelJS from 'exceljs';

/**
 * What a clerk typed is written as a text cell (a shared string), never as a formula, even when it
 * starts with = + - @ (the spreadsheet-injection trick: =HYPERLINK(…), =cmd|…). exceljs only writes a
 * formula when given a {formula} value, so the rule is: user text always goes in as a plain string.
 * Numbers stay numbers.
 */
export function setText(cell: ExcelJS.Cell, value: string | number | null | undefined): void {
  cell.value = typeof value === 'number' ? value : cleanCellText(String(value ?? ''));
}

/**
 * Text pasted from Word or a PDF carries control characters that XML cannot hold: exceljs drops them,
 * so Word's soft line break (vertical tab) would run two sentences together. Line breaks become \n,
 * the rest of the control characters go.
 */
export function cleanCellText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?|\u000B|\u000C|\u2028|\u2029/g, '\n').replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '');
}
