// Reading exports back the way the people who receive them do: exceljs for structure, SheetJS as a second,
// independent reader, and LibreOffice + pdftotext for what lands on A4 paper.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { writeWorkbookFile } from '../../../electron/services/excel/writeWorkbookFile';
import { makeTempDir } from '../tempDirs';

export function tempDir(): string {
  return makeTempDir('duban-export-');
}

export interface ReadBack {
  file: string;
  book: ExcelJS.Workbook;
  sheetJs: XLSX.WorkBook;
}

/** Writes through the app's own writer, then opens the file with both libraries. */
export async function writeAndReadBack(workbook: ExcelJS.Workbook, name = '导出.xlsx'): Promise<ReadBack> {
  const file = path.join(tempDir(), name);
  await writeWorkbookFile(workbook, file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheetJs = XLSX.read(fs.readFileSync(file), { cellStyles: true });
  return { file, book, sheetJs };
}

/** One part of the xlsx package as text (e.g. xl/worksheets/sheet1.xml): what Excel itself parses. */
export function packagePart(file: string, part: string): string {
  const zip = XLSX.CFB.read(fs.readFileSync(file), { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, `/${part}`);
  if (!entry?.content) throw new Error(`${part} not in ${file}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

/** The first text of each row: merged cells read back once per column, this reads each line once. */
export function lines(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => {
    let first = '';
    row.eachCell((c) => {
      if (!first && c.value != null && String(c.value) !== '') first = String(c.value);
    });
    out.push(first);
  });
  return out;
}

export function texts(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => out.push(c.value == null ? '' : String(c.value))));
  return out;
}

export function merges(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.model as unknown as { merges: string[] }).merges;
}

/** Column values below a header row, as the second reader sees them (merged cells read once). */
export function sheetJsRows(book: XLSX.WorkBook, sheetName?: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheetName ?? book.SheetNames[0]!]!, {
    header: 1,
    defval: null,
    raw: true,
  });
}

export const hasLibreOffice = (() => {
  try {
    execFileSync('which', ['libreoffice', 'pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Column widths are planned with Excel's metrics for the workbook font (Calibri); LibreOffice measures
 * them with Carlito (metric-compatible) when it is installed, and with a much wider fallback otherwise.
 * The pagination checks need Carlito (fonts-crosextra-carlito, installed by .ci/run).
 */
export const hasExcelMetrics = (() => {
  if (!hasLibreOffice) return false;
  try {
    return /carlito/i.test(execFileSync('fc-match', ['Calibri'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();

export interface PdfWord {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  text: string;
}

export interface PrintedPdf {
  pages: number;
  words: PdfWord[];
  /** All words of one page in reading order, joined. */
  pageText: (page: number) => string;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * Prints an xlsx to PDF with LibreOffice (its own profile, so parallel test files do not collide) and
 * returns every word with its position: enough to tell a cut-off cell or a missing header on page 3.
 */
export function printToPdf(xlsx: string): PrintedPdf {
  const dir = path.dirname(xlsx);
  const profile = makeTempDir('duban-lo-');
  execFileSync(
    'libreoffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  const pdf = xlsx.replace(/\.(xlsx|docx)$/, '.pdf');
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const words: PdfWord[] = [];
  const pages = xml.split(/<page /).slice(1);
  pages.forEach((page, i) => {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
    )) {
      words.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: unescapeXml(m[4]!) });
    }
  });
  const pageText = (page: number) =>
    words
      .filter((w) => w.page === page)
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
      .map((w) => w.text)
      .join('');
  return { pages: pages.length, words, pageText };
}

/**
 * The words printed inside one column, in reading order over all pages. The column's edges come from
 * where its header word is centred and the sheet's column widths, scaled as LibreOffice fitted the page.
 */
export function columnStream(
  pdf: PrintedPdf,
  headers: string[],
  widths: number[],
  column: string,
  page?: number,
): string {
  const centre = (label: string) => {
    const w = pdf.words.find((x) => x.page === 1 && x.text === label);
    if (!w) throw new Error(`header ${label} not printed on page 1`);
    return (w.xMin + w.xMax) / 2;
  };
  const first = 0;
  const last = headers.length - 1;
  const unitsBetween =
    widths.slice(first, last + 1).reduce((s, w) => s + w, 0) - widths[first]! / 2 - widths[last]! / 2;
  const scale = (centre(headers[last]!) - centre(headers[first]!)) / unitsBetween;
  const left0 = centre(headers[first]!) - (widths[first]! / 2) * scale;
  const k = headers.indexOf(column);
  const left = left0 + widths.slice(0, k).reduce((s, w) => s + w, 0) * scale;
  const right = left + widths[k]! * scale;
  return pdf.words
    .filter((w) => w.xMin >= left - 1 && w.xMax <= right + 1 && (page === undefined || w.page === page))
    .sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin)
    .map((w) => w.text)
    .join('');
}

/** Whitespace never matters to a reader of CJK text, and the PDF adds its own at line breaks. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** The printed lines of a page, top to bottom (words on one baseline joined), the footer included. */
export function pageLines(pdf: PrintedPdf, page: number): string[] {
  const rows = new Map<number, PdfWord[]>();
  for (const w of pdf.words.filter((x) => x.page === page)) {
    const key = [...rows.keys()].find((y) => Math.abs(y - w.yMin) < 2) ?? w.yMin;
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, ws]) =>
      ws
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.text)
        .join(''),
    );
}
