// How exports print: official fonts, borders and fills, A4 landscape page setup, column widths and row heights we plan.
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
/** Light red: stands out on screen, prints as a light grey on a black-and-white printer. */
export const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE3E3' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

// ---- paper ----
//
// We paginate ourselves (fixed scale, planned widths, row heights set, manual page breaks), so the
// numbers below are the printed geometry, measured on LibreOffice renders and Excel's documented metrics.

const INCH = 72;
export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } as const;
export const A4 = { short: 595.3, long: 841.89 } as const;
/** Width kept free for the apps' differing width metrics (Excel, WPS, LibreOffice). */
export const WIDTH_SAFETY = 0.95;
/** Height kept free on each page: Excel rounds row heights to whole pixels. */
export const HEIGHT_SAFETY = 0.97;
/** Excel's largest row height. */
export const MAX_ROW_HEIGHT = 409;

export type Orientation = 'landscape' | 'portrait';

/** The printable body of an A4 page in points (between the margins, at 100 %). */
export function printableArea(orientation: Orientation): { width: number; height: number } {
  const [w, h] = orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  return {
    width: w - (MARGINS.left + MARGINS.right) * INCH,
    height: h - (MARGINS.top + MARGINS.bottom) * INCH,
  };
}

/**
 * A column of width `w` (Excel units) on paper, in points. Excel and WPS draw (7w + 5) px at 96 dpi with
 * Calibri as the workbook font; LibreOffice (Carlito) about 5.55 pt per unit. The wider of the two is what
 * must fit the page; the narrower is what text must wrap in.
 */
export function columnPrintedWidth(w: number): number {
  return Math.max(5.55 * w, 5.25 * w + 3.75);
}
export function columnTextWidth(w: number): number {
  return Math.min(5.55 * w, 5.25 * w + 3.75) - 5;
}
/** The width `w` whose printed width is `pt`. */
function unitsForPrinted(pt: number): number {
  return Math.min(pt / 5.55, (pt - 3.75) / 5.25);
}

// ---- text ----

/** Half-width characters (Latin, digits, ASCII punctuation) print about half a CJK character wide; “ ” and … are full width in CJK faces. */
const isHalfWidth = (ch: string) => ch.charCodeAt(0) <= 0xff && ch !== '\u00b7';
/** Characters a line may not start with (Chinese line-breaking rules) and may not end with. */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕”’%％·…—,.;:?!)]}');
const NO_LINE_END = new Set('（《「『【〔“‘([{');
const LATIN = /[A-Za-z0-9.]/;
const LATIN_RUN = /[A-Za-z0-9.%％\-/]/;
const NUMBER_UNIT = new Set('年月日号%％个项家人次');

const charWidth = (ch: string, fontSize: number) =>
  ch === ' ' ? 0.3 * fontSize : isHalfWidth(ch) ? 0.6 * fontSize : fontSize;

/**
 * Widths of the pieces a line never breaks inside: a run of Latin letters or digits with what sticks to
 * it (2026, 50%), a CJK character with closing punctuation after it or opening punctuation before it.
 * A number with its unit (2026年, 6月) is kept whole too, so a date never breaks inside a number.
 */
function tokenWidths(line: string, fontSize: number): number[] {
  const out: number[] = [];
  const chars = [...line];
  let i = 0;
  while (i < chars.length) {
    let w = 0;
    const first = chars[i] ?? '';
    if (LATIN.test(first)) {
      while (i < chars.length && LATIN_RUN.test(chars[i] ?? '')) w += charWidth(chars[i++] ?? '', fontSize);
      // 2026年 / 6月 / 50% stay together.
      if (i < chars.length && NUMBER_UNIT.has(chars[i] ?? '')) w += charWidth(chars[i++] ?? '', fontSize);
    } else {
      let last = chars[i++] ?? '';
      w += charWidth(last, fontSize);
      while (NO_LINE_END.has(last) && i < chars.length) {
        last = chars[i++] ?? '';
        w += charWidth(last, fontSize);
      }
    }
    while (i < chars.length && NO_LINE_START.has(chars[i] ?? '')) w += charWidth(chars[i++] ?? '', fontSize);
    out.push(w);
  }
  return out;
}

/** Unit names, deadlines and statuses repeat on every row: each is measured once per width. */
const lineCache = new Map<string, number>();

/** Lines `text` takes in a column `usablePt` wide at `fontSize`, breaking as Excel/WPS/LibreOffice do. */
export function countLines(text: string, usablePt: number, fontSize: number = BODY_FONT.size): number {
  const short = text.length <= 40;
  const key = short ? `${usablePt}|${fontSize}|${text}` : '';
  if (short) {
    const known = lineCache.get(key);
    if (known !== undefined) return known;
  }
  let lines = 0;
  for (const para of text.split('\n')) {
    lines += 1;
    let x = 0;
    for (const w of tokenWidths(para, fontSize)) {
      if (x > 0 && x + w > usablePt) {
        lines += 1;
        x = 0;
      }
      if (w > usablePt) {
        // Longer than a line on its own: it is broken by character.
        lines += Math.ceil(w / usablePt) - 1;
        x = w % usablePt;
      } else x += w;
    }
  }
  if (short) {
    if (lineCache.size > 20_000) lineCache.clear();
    lineCache.set(key, lines);
  }
  return lines;
}

function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch, fontSize);
  return w;
}

/** Line pitch in points: CJK faces (仿宋, 黑体, Noto CJK) set 1.46 × the font size. */
export const lineHeight = (fontSize: number) => fontSize * 1.46;

/** Row height in points for text in a column `w` units wide, on whole pixels (0.75 pt). */
export function textHeight(text: string, w: number, fontSize: number = BODY_FONT.size, minimum = 20): number {
  const need = countLines(text, columnTextWidth(w), fontSize) * lineHeight(fontSize) + 6;
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(Math.max(minimum, need) / 0.75) * 0.75);
}

/** Width in Excel units that holds `text` on one line at `fontSize`, plus the cell's padding. */
export function widthForText(text: string, fontSize: number = BODY_FONT.size): number {
  const longest = Math.max(0, ...text.split('\n').map((l) => textWidth(l, fontSize)));
  return Math.ceil(unitsForPrinted(longest + 6) * 2 + 1) / 2 + 0.5;
}

/** Column width in Excel units for CJK text: a Chinese character is about two units wide at 11 pt. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) <= 0xff ? 1 : 2;
  return w;
}

export function wrappedLines(text: string, columnWidth: number): number {
  return countLines(text, columnTextWidth(columnWidth));
}

const cellText = (cell: ExcelJS.Cell) =>
  // cell.text reads rich text, hyperlinks and formula results as shown, where String() would say [object Object].
  typeof cell.value === 'string' ? cell.value : cell.value == null ? '' : cell.text;

/** Height of the tallest wrapped cell of a row, so nothing is cut off in print. */
export function fitRowHeight(row: ExcelJS.Row, widths: number[], fontSize: number = BODY_FONT.size): void {
  let height = 20;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    height = Math.max(height, textHeight(cellText(cell), widths[col - 1] ?? 10, fontSize));
  });
  row.height = height;
}

// ---- columns ----

export interface ColumnPlan {
  /** Width wanted; a flexible column grows or shrinks with the page, a fixed one keeps it. */
  width: number;
  flexible: boolean;
  /** Narrowest a flexible column may become. */
  min?: number;
}

/**
 * Widths (Excel units) that fill the printable width at `scale` % with WIDTH_SAFETY kept free, the
 * flexible columns sharing what the fixed ones leave. When even the minimum widths do not fit, the scale
 * comes down in steps of 5 % (never below 60 %).
 */
export function planColumnWidths(
  columns: ColumnPlan[],
  orientation: Orientation = 'landscape',
  preferredScale = 100,
): { widths: number[]; scale: number } {
  for (let scale = preferredScale; ; scale -= 5) {
    const available = (printableArea(orientation).width * WIDTH_SAFETY * 100) / scale;
    const fixed = columns.reduce((s, c) => s + (c.flexible ? 0 : columnPrintedWidth(c.width)), 0);
    const flex = columns.filter((c) => c.flexible);
    const wanted = flex.reduce((s, c) => s + c.width, 0);
    // Solve for the factor k so that the flexible columns' printed widths fill what is left.
    const left = available - fixed;
    const k = wanted > 0 ? unitsForPrinted(left - 3.75 * flex.length) / wanted : 1;
    const widths = columns.map((c) => (c.flexible ? Math.max(c.min ?? 4, Math.floor(c.width * k * 4) / 4) : c.width));
    const printed = widths.reduce((s, w) => s + columnPrintedWidth(w), 0);
    if (printed <= available + 0.01 || scale <= 60) return { widths, scale };
  }
}

/** Usable height of each page in points at `scale` %, with HEIGHT_SAFETY kept free. */
export function pageCapacity(orientation: Orientation, scale: number): number {
  return (printableArea(orientation).height * HEIGHT_SAFETY * 100) / scale;
}

// ---- page setup ----

export interface PageOptions {
  /** Fixed print scale in % (we paginate); without it, the sheet is fitted one page wide by the app. */
  scale?: number;
  orientation?: Orientation;
  /** 第 N 页 共 M 页 (one printed sheet) or 第 N 页 (each sheet of a workbook numbered from 1). */
  totalInFooter?: boolean;
}

/**
 * A4, header rows repeated, page numbers in the footer restarting at 1 on each sheet. With a scale, the
 * sheet prints at that scale and breaks where we put manual breaks; without, one page wide.
 */
export function setupA4Landscape(
  sheet: ExcelJS.Worksheet,
  headerRows: { from: number; to: number } | null,
  options: PageOptions = {},
): void {
  const fixed = options.scale !== undefined;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: options.orientation ?? 'landscape',
    fitToPage: !fixed,
    ...(fixed ? { scale: options.scale } : { fitToWidth: 1, fitToHeight: 0 }),
    horizontalCentered: true,
    margins: { ...MARGINS },
    firstPageNumber: 1,
    ...(headerRows ? { printTitlesRow: `${headerRows.from}:${headerRows.to}` } : {}),
  };
  setPageFooter(sheet, options.totalInFooter ?? true);
  if (headerRows) sheet.views = [{ state: 'frozen', ySplit: headerRows.to, xSplit: 0 }];
}

export function setPageFooter(sheet: ExcelJS.Worksheet, withTotal: boolean): void {
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: withTotal ? '&C第 &P 页 共 &N 页' : '&C第 &P 页' };
}

/**
 * A workbook of several printed sheets: each sheet numbered from 第 1 页 (a total would count the whole
 * workbook, so it is left out).
 */
export function numberPagesPerSheet(workbook: ExcelJS.Workbook): void {
  const printed = workbook.worksheets.filter((s) => s.state === 'visible' || s.state === undefined);
  if (printed.length < 2) return;
  for (const sheet of printed) {
    sheet.pageSetup = { ...sheet.pageSetup, firstPageNumber: 1 };
    setPageFooter(sheet, false);
  }
}
