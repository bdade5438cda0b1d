// Reads a township's return into plain grids of cell values, whatever it was saved as: a plain .xlsx
// (readXlsxValues, straight from the measured parts), any other .xlsx (exceljs), legacy .xls and .xlsx
// that exceljs refuses (SheetJS), or .csv in UTF-8/UTF-16/GBK. A file is measured before anything
// expands it (zip sizes, declared rows and columns, merged ranges), and any failure of a reader becomes
// a message naming the file.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DomainError } from '../../../shared/errors';
import { checkCfbChains } from '../readers/inspectCfb';
import { inspectZip } from '../readers/inspectZip';
import { MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, RETURN_MAX_BYTES } from '../readers/limits';
import { measureSheetXml } from '../readers/measureSheetXml';
import { readTemplateRecord, TEMPLATE_RECORD_SHEET, type TemplateRecord } from './templateRecord';
import { asShownPercent, formulaKey, type CellValue, type SheetGrid } from './sheetGrid';
import { readXlsxValues } from './readXlsxValues';

export { formulaKey, type CellValue, type SheetGrid };

export interface ReadWorkbook {
  kind: 'xlsx' | 'xls' | 'csv';
  sheets: SheetGrid[];
  /** Sheets passed over, with why (hidden). */
  skipped: string[];
  /** What our own 填报模板 was exported with, when the file is one. */
  templateRecord: TemplateRecord | null;
}

export const MAX_FILE_BYTES = RETURN_MAX_BYTES;
export { MAX_ROWS };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);

const fail = (fileName: string, code: string, what: string) => new DomainError(code, `“${fileName}”${what}`);

const NOT_A_RETURN =
  '不像是推进情况表，未读取。请检查是否发错了文件；如确是推进情况表，请让填报单位只把表格复制到新的工作簿，另存为 .xlsx 后重新发送。';
const corrupt = (fileName: string) =>
  fail(
    fileName,
    'file_corrupt',
    '已损坏或格式无法识别，无法打开。请让填报单位用 Excel 或 WPS 另存为 .xlsx 后重新发送。',
  );

/** A reader's own failure (a TypeError inside SheetJS on a malformed .xls) as the clerk's message; the cause is kept for the log. */
function asReadFailure(fileName: string, err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const refused = corrupt(fileName);
  (refused as Error & { cause?: unknown }).cause = err;
  return refused;
}

export interface ReadOptions {
  /**
   * How an .xlsx is read: the lean reader, falling back to exceljs (true, the default); exceljs only
   * (false); the lean reader only, failing where it would fall back ('only'). Tests compare the three.
   */
  lean?: boolean | 'only';
}

export async function readReturnFile(fileName: string, data: Buffer, options: ReadOptions = {}): Promise<ReadWorkbook> {
  if (data.length === 0) throw fail(fileName, 'file_empty', '是空文件，没有内容。请让填报单位重新发送。');
  if (data.length > MAX_FILE_BYTES)
    throw fail(
      fileName,
      'file_too_large',
      `太大（${Math.round(data.length / 1024 / 1024)} MB，上限 20 MB），不像是推进情况表。请检查是否发错了文件。`,
    );
  const lower = fileName.toLowerCase();
  let book: ReadWorkbook;
  try {
    if (startsWith(data, ZIP)) book = await readXlsx(fileName, data, options.lean ?? true);
    else if (startsWith(data, OLE)) {
      checkCfbChains(data, () => corrupt(fileName));
      book = readWithSheetJs(fileName, data);
    } else if (lower.endsWith('.csv') || lower.endsWith('.txt')) book = readCsv(fileName, data);
    else
      throw fail(
        fileName,
        'not_a_workbook',
        '不是有效的 Excel 文件（可能是改了扩展名的其他文件）。请让填报单位用 Excel 或 WPS 另存为 .xlsx 后重新发送。',
      );
  } catch (err) {
    throw asReadFailure(fileName, err);
  }
  const total = book.sheets.reduce((n, s) => n + s.rows.length, 0);
  if (total > MAX_ROWS)
    throw fail(
      fileName,
      'too_many_rows',
      `有 ${total} 行，超过上限 ${MAX_ROWS} 行，不像是推进情况表。请检查是否发错了文件。`,
    );
  for (const sheet of book.sheets) checkCells(fileName, sheet);
  if (book.sheets.every((s) => s.rows.every((r) => r.every((c) => c === null || c === '')))) {
    throw fail(fileName, 'workbook_empty', '里没有任何内容（空白工作簿）。请让填报单位填写后重新发送。');
  }
  return book;
}

/** "AB" for the 28th column, as the clerk sees it in Excel. */
function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows, columns and cells of one sheet against the limits, as declared or as read. */
function checkExtent(fileName: string, sheet: string, rows: number, columns: number, declared: boolean): void {
  const said = declared ? '声明了' : '有';
  const where = `“${fileName}”的工作表${sheet ? `“${sheet}”` : ''}`;
  if (rows > MAX_ROWS)
    throw new DomainError('too_many_rows', `${where}${said} ${rows} 行，超过上限 ${MAX_ROWS} 行，${NOT_A_RETURN}`);
  if (columns > MAX_COLUMNS)
    throw new DomainError(
      'too_many_columns',
      `${where}${said} ${columns} 列（到 ${columnLetters(columns)} 列），超过上限 ${MAX_COLUMNS} 列，${NOT_A_RETURN}`,
    );
  if (rows * columns > MAX_CELLS) {
    throw new DomainError(
      'too_many_cells',
      `${where}${said} ${rows} 行 × ${columns} 列，共 ${rows * columns} 个单元格，超过上限 ${MAX_CELLS} 个，${NOT_A_RETURN}`,
    );
  }
}

/** Cell length is checked on what was read: one cell cannot be longer than Excel itself allows. */
function checkCells(fileName: string, sheet: SheetGrid): void {
  sheet.rows.forEach((row, r) => {
    checkExtent(fileName, sheet.name, sheet.rows.length, row.length, false);
    row.forEach((v, c) => {
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
        throw new DomainError(
          'cell_too_long',
          `“${fileName}”的工作表“${sheet.name}”第 ${r + 1} 行 ${columnLetters(c + 1)} 列有 ${v.length} 个字符，超过上限 ${MAX_CELL_CHARS} 个（Excel 单元格的最大长度），${NOT_A_RETURN}`,
        );
      }
    });
  });
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    // A formula keeps its cached result; it is never evaluated here.
    if ('result' in value) return cellValue((value as ExcelJS.CellFormulaValue).result);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

/** Parts of a workbook that exceljs reads as worksheets (it matches xl/worksheets/sheetN.xml anywhere in the name). */
const WORKSHEET_PART = /(^|\/)worksheets\/[^/]+\.xml$/i;
/** The other parts the lean reader needs, kept from the one inflation. */
const LEAN_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);

/**
 * Before exceljs: the zip's sizes (inspectZip), then each sheet's declared and named extent and its
 * merged ranges, which exceljs would build cell by cell. Returns the workbook as checked, for the readers.
 */
async function measureXlsx(
  fileName: string,
  data: Buffer,
): Promise<{ stored: () => Buffer; parts: Map<string, Buffer> }> {
  const zip = await inspectZip(fileName, data, (name) => WORKSHEET_PART.test(name) || LEAN_PARTS.has(name), {
    corrupt: () =>
      fail(fileName, 'file_corrupt', '已损坏或不完整（可能下载或传输时中断），无法打开。请让填报单位重新发送。'),
    what: '推进情况表',
  });
  if (![...zip.names].some((n) => n.replace(/^\//, '').toLowerCase() === 'xl/workbook.xml')) {
    throw fail(
      fileName,
      'not_a_workbook',
      '不是有效的 Excel 文件（可能是改了扩展名的 Word 文档或压缩包）。请让填报单位用 Excel 或 WPS 另存为 .xlsx 后重新发送。',
    );
  }
  for (const [name, xml] of zip.parts) {
    if (!WORKSHEET_PART.test(name)) continue;
    const extent = measureSheetXml(xml.toString('latin1'));
    checkExtent(fileName, '', extent.declaredRows, extent.declaredColumns, true);
    checkExtent(fileName, '', extent.rows, extent.columns, true);
    if (extent.mergedCells > MAX_CELLS) {
      throw new DomainError(
        'too_many_merged',
        `“${fileName}”的合并单元格共覆盖 ${extent.mergedCells} 个单元格，超过上限 ${MAX_CELLS} 个，${NOT_A_RETURN}`,
      );
    }
  }
  return { stored: zip.stored, parts: zip.parts };
}

async function readXlsx(fileName: string, original: Buffer, lean: boolean | 'only'): Promise<ReadWorkbook> {
  const { stored, parts } = await measureXlsx(fileName, original);
  // Most returns are plain: their values are read from the parts already inflated; the rest go to exceljs.
  const plain = lean ? readXlsxValues(parts, asShownPercent, formulaKey) : null;
  if (plain) return { kind: 'xlsx', ...plain };
  if (lean === 'only') throw new Error(`“${fileName}” is not plain enough for the lean reader`);
  const data = stored();
  const workbook = new ExcelJS.Workbook();
  try {
    // Data validations and conditional formats are never read here, and exceljs spells out a
    // validation's range cell by cell (a whole column is a million entries).
    await workbook.xlsx.load(data as unknown as ArrayBuffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting'],
    });
  } catch {
    // exceljs is strict; SheetJS reads some files WPS writes that exceljs refuses. The zip was
    // checked whole above, so SheetJS only sees a well-formed workbook.
    try {
      return readWithSheetJs(fileName, data);
    } catch (err) {
      if (err instanceof DomainError && err.code !== 'file_corrupt') throw err;
      throw fail(fileName, 'file_corrupt', '已损坏或不完整（可能下载或传输时中断），无法打开。请让填报单位重新发送。');
    }
  }
  const sheets: SheetGrid[] = [];
  const skipped: string[] = [];
  let templateRecord: TemplateRecord | null = null;
  workbook.eachSheet((sheet) => {
    if (sheet.name === TEMPLATE_RECORD_SHEET) {
      const rows: CellValue[][] = [];
      sheet.eachRow((row) =>
        rows.push(Array.from({ length: row.cellCount }, (_, c) => cellValue(row.getCell(c + 1).value))),
      );
      templateRecord = readTemplateRecord(rows);
      if (templateRecord) return;
    }
    if (sheet.state !== 'visible') {
      skipped.push(`工作表“${sheet.name}”是隐藏的，已跳过`);
      return;
    }
    const rows: CellValue[][] = [];
    const bannerRows = new Set<number>();
    const formulas = new Set<number>();
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: CellValue[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const source = cell.isMerged ? cell.master : cell;
        const raw = source.value;
        // Only objects can be formulas: the common string and number cells skip the check.
        if (raw !== null && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw))
          formulas.add(formulaKey(r - 1, c - 1));
        const value = cellValue(raw);
        values.push(typeof value === 'number' && source.numFmt?.includes('%') ? asShownPercent(value) : value);
      }
      rows.push(values);
    }
    for (const range of (sheet.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = range.split(':');
      if (a === undefined || b === undefined) continue;
      const from = sheet.getCell(a);
      const to = sheet.getCell(b);
      if (from.row === to.row && Number(to.col) - Number(from.col) + 1 >= Math.max(3, width - 1))
        bannerRows.add(Number(from.row) - 1);
    }
    sheets.push({ name: sheet.name, rows, bannerRows, formulas });
  });
  return { kind: 'xlsx', sheets, skipped, templateRecord };
}

function readWithSheetJs(fileName: string, data: Buffer): ReadWorkbook {
  let wb: XLSX.WorkBook;
  try {
    // sheetRows stops SheetJS building rows past the limit; the full extent stays in !fullref.
    wb = XLSX.read(data, { type: 'buffer', cellDates: true, cellFormula: true, cellNF: true, sheetRows: MAX_ROWS + 1 });
  } catch (err) {
    const message = (err as Error).message ?? '';
    if (/password|encrypt/i.test(message))
      throw fail(fileName, 'file_encrypted', '设置了打开密码，无法读取。请让填报单位取消密码后重新发送。');
    throw fail(
      fileName,
      'file_corrupt',
      '已损坏或格式无法识别，无法打开。请让填报单位用 Excel 或 WPS 另存为 .xlsx 后重新发送。',
    );
  }
  // Before sheet_to_json fills every cell of a sheet's range with null.
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const ref = (ws?.['!fullref'] as string | undefined) ?? ws?.['!ref'];
    if (!ref) continue;
    const range = XLSX.utils.decode_range(ref);
    checkExtent(fileName, name, range.e.r + 1, range.e.c + 1, true);
  }
  const sheets: SheetGrid[] = [];
  const skipped: string[] = [];
  let templateRecord: TemplateRecord | null = null;
  wb.SheetNames.forEach((name, i) => {
    // SheetNames lists the keys of Sheets.
    const ws = wb.Sheets[name]!;
    if (name === TEMPLATE_RECORD_SHEET) {
      templateRecord = readTemplateRecord(
        XLSX.utils.sheet_to_json<CellValue[]>(ws, { header: 1, raw: true, defval: null }),
      );
      if (templateRecord) return;
    }
    if (wb.Workbook?.Sheets?.[i]?.Hidden) {
      skipped.push(`工作表“${name}”是隐藏的，已跳过`);
      return;
    }
    const formulas = new Set<number>();
    for (const [address, cell] of Object.entries(ws)) {
      if (address.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      if (c.f) {
        const at = XLSX.utils.decode_cell(address);
        formulas.add(formulaKey(at.r, at.c));
      }
      if (c.t === 'n' && typeof c.v === 'number' && c.z && String(c.z).includes('%'))
        ws[address] = { t: 's', v: asShownPercent(c.v) };
    }
    const rows = XLSX.utils.sheet_to_json<CellValue[]>(ws, { header: 1, raw: true, blankrows: true, defval: null });
    const bannerRows = new Set<number>();
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    let merged = 0;
    for (const m of ws['!merges'] ?? []) {
      const top = rows[m.s.r]?.[m.s.c] ?? null;
      merged += (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1);
      if (merged > MAX_CELLS)
        throw new DomainError(
          'too_many_merged',
          `“${fileName}”的合并单元格共覆盖 ${merged} 个单元格，超过上限 ${MAX_CELLS} 个，${NOT_A_RETURN}`,
        );
      for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) (rows[r] ??= [])[c] = top;
      if (m.s.r === m.e.r && m.e.c - m.s.c + 1 >= Math.max(3, width - 1)) bannerRows.add(m.s.r);
    }
    sheets.push({ name, rows: rows.map((r) => r.map((v) => (v === undefined ? null : v))), bannerRows, formulas });
  });
  return { kind: startsWith(data, OLE) ? 'xls' : 'xlsx', sheets, skipped, templateRecord };
}

/** BOM first; then strict UTF-8; else GB18030 (a superset of GBK), which is what WPS/Excel save on Chinese Windows. */
export function decodeCsv(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3).toString('utf8');
  if (data[0] === 0xff && data[1] === 0xfe) return iconv.decode(data.subarray(2), 'utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return iconv.decode(data.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return iconv.decode(data, 'gb18030');
  }
}

function readCsv(fileName: string, data: Buffer): ReadWorkbook {
  const text = decodeCsv(data);
  // preview stops Papa past the row limit: a file of line breaks would otherwise be a million rows.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, preview: MAX_ROWS + 1 });
  if (parsed.data.length > MAX_ROWS)
    throw fail(fileName, 'too_many_rows', `有超过 ${MAX_ROWS} 行，超过上限，不像是推进情况表。请检查是否发错了文件。`);
  const rows: CellValue[][] = parsed.data.map((r) => r.map((c) => (c === '' ? null : c)));
  return {
    kind: 'csv',
    sheets: [{ name: 'CSV', rows, bannerRows: new Set(), formulas: new Set() }],
    skipped: [],
    templateRecord: null,
  };
}
