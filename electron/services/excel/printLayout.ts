import type ExcelJS from 'exceljs';

// charset 134 (GB2312) tells Excel/WPS the font is Chinese, so a machine without it substitutes a Chinese font.
export const HEADER_FONT = { name: '黑体', size: 12, bold: false, charset: 134 } as const;
/** 仿宋_GB2312 is what official documents use; Excel falls back to 宋体 where it is missing. */
export const BODY_FONT = { name: '仿宋_GB2312', size: 11, charset: 134 } as const;
export const TITLE_FONT = { name: '方正小标宋简体', size: 18, charset: 134 } as const;
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A4 landscape, one page wide, header rows repeated, 第 N 页 共 M 页 in the footer. */
export function setupA4Landscape(sheet: ExcelJS.Worksheet, headerRows: { from: number; to: number }): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRows.from}:${headerRows.to}`,
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C第 &P 页 共 &N 页' };
  sheet.views = [{ state: 'frozen', ySplit: headerRows.to, xSplit: 0 }];
}

/**
 * Column width in Excel units for CJK text: a Chinese character is about two units wide at 11 pt.
 * Row height from the longest wrapped cell: lines × 15 pt for 11 pt text, so nothing is cut off in print.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 1 : 2;
  return w;
}

export function wrappedLines(text: string, columnWidth: number): number {
  const usable = Math.max(columnWidth - 1.5, 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

export function fitRowHeight(row: ExcelJS.Row, widths: number[], lineHeight = 15.5): void {
  let lines = 1;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = typeof cell.value === 'string' ? cell.value : cell.value == null ? '' : String(cell.value);
    lines = Math.max(lines, wrappedLines(text, widths[col - 1] ?? 10));
  });
  row.height = Math.max(20, lines * lineHeight + 6);
}
