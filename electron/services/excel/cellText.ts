// What clerks and townships typed, written into cells as text: never a formula, no characters XML cannot hold.
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
  return (
    text
      // eslint-disable-next-line no-control-regex -- Word's vertical tab and form feed are line breaks
      .replace(/\r\n?|\u000B|\u000C|\u2028|\u2029/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
      // Not characters at all in XML: U+FFFE/U+FFFF and half a surrogate pair would make sharedStrings.xml invalid.
      .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}

/** What Excel or WPS would read as a formula if the clerk re-entered the cell (F2, Enter). */
const FORMULA_LIKE = /^[\s]*[=+\-@]/;

/**
 * Last pass before a workbook is written: every text cell is made XML-safe, and text that looks like a
 * formula gets the Text number format (@), which Excel and WPS honour like a leading apostrophe: after the
 * clerk edits such a cell it stays text instead of turning into a formula. exceljs cannot write the
 * quotePrefix style attribute; the Text format is the equivalent both programs keep. A fresh style
 * object per cell, because sheets share style objects between cells.
 */
export function finishTextCells(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        if (typeof value !== 'string') return;
        const clean = cleanCellText(value);
        if (clean !== value) cell.value = clean;
        if (FORMULA_LIKE.test(clean)) cell.style = { ...cell.style, numFmt: '@' };
      });
    });
  });
}
