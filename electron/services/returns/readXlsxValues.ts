// The lean read of a plain .xlsx return: cell values straight from the sheet XML that inspectZip has
// already inflated and measured, giving exactly the grid the exceljs read gives, or null when the file
// uses anything this reader does not handle (then exceljs reads it, as before).
//
// Why hand-written: every library we have (exceljs, SheetJS) unzips the file again and builds a whole
// model — styles, fonts, borders, an object per cell — to hand back a handful of values; that was two
// thirds of a preview's time. Neither can take parts that are already inflated and checked. What we
// need is small and fixed: shared strings, which style is a percent or a date, values, formulas'
// cached results and merged ranges. Everything else (inline strings, hyperlinks, 1904 dates, namespaced
// or DOCTYPE'd XML, overlapping merges, cells or rows without addresses …) is left to exceljs. The
// rules below copy exceljs 4.4's own reading (noted where they are odd), and the tests read our
// templates both ways and compare the grids cell by cell.
import { readTemplateRecord, TEMPLATE_RECORD_SHEET, type TemplateRecord } from './templateRecord';
import type { CellValue, SheetGrid } from './sheetGrid';

export interface LeanWorkbook {
  sheets: SheetGrid[];
  skipped: string[];
  templateRecord: TemplateRecord | null;
}

/** Raised inside the reader when the file needs exceljs; never leaves this module. */
class NotPlain extends Error {}
const notPlain = (why: string): never => {
  throw new NotPlain(why);
};

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as a parser hands it over: line ends normalised, the five entities and character references decoded. */
function xmlText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, named?: string, dec?: string, hex?: string) => {
    if (named) return NAMED[named]!;
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff) return notPlain(`entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(source); m; m = ATTR.exec(source)) out.set(m[1]!, xmlText(m[2] ?? m[3] ?? ''));
  return out;
}

/** exceljs's text model: its <t> texts joined, then _xHHHH_ escapes (upper-case hex only) decoded. */
const unescapeX = (s: string) =>
  s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;

const T_ELEMENT = /<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)/g;

/** Shared strings; a rich string is its runs' texts joined, phonetic guides (<rPh>) left out, as exceljs does. */
function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  const SI = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = SI.exec(xml); m; m = SI.exec(xml)) {
    const body = (m[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    // exceljs makes an empty <si> an object that later reads as "[object Object]": not ours to copy.
    if (!/<t[\s/>]/.test(body)) notPlain('shared string without text');
    const runs = body.includes('<r>') || body.includes('<r ');
    // A plain <t> next to runs is read differently by exceljs: left to it.
    if (runs && /^\s*<t[\s/>]/.test(body)) notPlain('shared string mixing text and runs');
    let text = '';
    T_ELEMENT.lastIndex = 0;
    for (let t = T_ELEMENT.exec(body); t; t = T_ELEMENT.exec(body)) text += unescapeX(xmlText(t[1] ?? ''));
    out.push(text);
  }
  return out;
}

/** exceljs's built-in formats: only those it names one way in every locale (27–36, 50–58 it leaves without a format). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's test of a date format: any of y m d h M s b left once quoted text and [..] are taken out. */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

interface StyleKind {
  percent: boolean;
  date: boolean;
}

/** What each cell style (index into cellXfs) means for a value: shown as a percent, read as a date. */
function styleKinds(xml: string | undefined): StyleKind[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    custom.set(Number.parseInt(a.get('numFmtId') ?? '', 10), a.get('formatCode') ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const kinds: StyleKind[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number.parseInt(attributes(m[1]!).get('numFmtId') ?? '', 10);
    // exceljs keeps a format only for a non-zero id it knows; an empty format code counts as none.
    const format = id ? custom.get(id) || BUILT_IN_FORMATS[id] : undefined;
    kinds.push({ percent: Boolean(format?.includes('%')), date: format ? isDateFormat(format) : false });
  }
  return kinds;
}

/** exceljs's serial-to-Date (1900 system; 1904 workbooks are left to exceljs). */
const excelToDate = (v: number) => new Date(Math.round((v - 25569) * 24 * 3600 * 1000));

/** A cell as exceljs models it: 'null' is a styled empty cell; 'merge' a cell covered by another. */
interface Cell {
  kind: 'null' | 'value' | 'merge';
  value: CellValue;
  formula: boolean;
  percent: boolean;
  master?: Cell;
}

const NULL_CELL = (): Cell => ({ kind: 'null', value: null, formula: false, percent: false });

function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col;
}

const ADDRESS = /^([A-Z]{1,3})(\d+)$/;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/g;
const CELL_ATTR = /(?:^|\s)([rst])="([^"]*)"/g;

interface ParsedSheet {
  /** rows[r] is row r + 1; a row's cells by column - 1. */
  rows: (Cell | undefined)[][];
  /** Merged ranges, 1-based and in order (top-left first). */
  merges: { r1: number; c1: number; r2: number; c2: number }[];
}

/** One worksheet's cells, following exceljs's rules for which elements make cells and what they hold. */
function parseSheet(xml: string, strings: string[], styles: StyleKind[]): ParsedSheet {
  if (/<!\[CDATA\[|<!DOCTYPE|<!ENTITY|<!--/.test(xml)) notPlain('CDATA, DOCTYPE or comments');
  const rows: (Cell | undefined)[][] = [];
  const merges: string[] = [];
  const sharedMasters = new Set<string>();
  let row: (Cell | undefined)[] | null = null;
  let cell: { col: number; t: string; style: number; v?: string; f: boolean; fText?: string } | null = null;
  let inSheetData = false;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, close, name = '', attrs = '', selfClosing] = m;
    if (name.includes(':')) {
      // Extensions (<x14:…>, <mc:AlternateContent>) outside the cells say nothing about values; a
      // prefixed worksheet, sheetData or anything inside the cells is left to exceljs.
      const local = name.slice(name.indexOf(':') + 1);
      if (inSheetData || ['worksheet', 'sheetData', 'mergeCell', 'hyperlink', 'hyperlinks'].includes(local))
        notPlain(`namespaced element ${name}`);
      continue;
    }
    if (close) {
      if (name === 'sheetData') inSheetData = false;
      else if (name === 'row') row = null;
      else if (name === 'c' && cell && row) {
        const made = finishCell(cell, strings, styles);
        // An unstyled empty cell is not made at all: it must not lengthen the row.
        if (made) row[cell.col - 1] = made;
        cell = null;
      }
      continue;
    }
    switch (name) {
      case 'sheetData':
        inSheetData = !selfClosing;
        break;
      case 'row': {
        if (!inSheetData) break;
        const r = Number(/(?:^|\s)r="(\d+)"/.exec(attrs)?.[1]);
        if (!Number.isInteger(r) || r < 1) notPlain('row without a number');
        // A row given twice replaces the first, as in exceljs.
        row = rows[r - 1] = [];
        if (selfClosing) row = null;
        break;
      }
      case 'c': {
        if (!row) notPlain('cell outside a row');
        let ref = '';
        let t = 'n';
        let style = 0;
        CELL_ATTR.lastIndex = 0;
        for (let a = CELL_ATTR.exec(attrs); a; a = CELL_ATTR.exec(attrs)) {
          if (a[1] === 'r') ref = a[2]!;
          else if (a[1] === 't') t = a[2]!;
          else style = Number.parseInt(a[2]!, 10) || 0;
        }
        const at = ADDRESS.exec(ref);
        if (!at) notPlain('cell without an address');
        if (t !== 'n' && t !== 's' && t !== 'b' && t !== 'e' && t !== 'str') notPlain(`cell type ${t}`);
        cell = { col: columnNumber(at![1]!), t, style, f: false };
        if (selfClosing) {
          // No value: a styled cell exists but is empty; an unstyled one is not made at all.
          if (cell.style) row![cell.col - 1] = NULL_CELL();
          cell = null;
        }
        break;
      }
      case 'v':
      case 'f': {
        if (!cell) break;
        let text = '';
        if (!selfClosing) {
          const end = xml.indexOf(`</${name}>`, TAG.lastIndex);
          if (end < 0) notPlain('unclosed element');
          text = xml.slice(TAG.lastIndex, end);
          if (text.includes('<')) notPlain(`markup inside <${name}>`);
          TAG.lastIndex = end + name.length + 3;
        }
        if (name === 'v') {
          cell.v = text === '' ? undefined : xmlText(text);
        } else {
          const a = attributes(attrs);
          const share = a.get('t');
          if (share === 'shared') {
            const si = a.get('si') ?? '';
            if (a.has('ref')) sharedMasters.add(si);
            // A shared formula whose master was not read first is something exceljs reads as "[object Object]".
            else if (!sharedMasters.has(si)) notPlain('shared formula without its master');
          } else if (text === '') notPlain('formula without text');
          cell.f = true;
        }
        break;
      }
      case 'is':
      case 'hyperlink':
      case 'hyperlinks':
        notPlain(name);
        break;
      case 'mergeCell': {
        const ref = /\bref="([^"]*)"/.exec(attrs)?.[1];
        if (ref) merges.push(ref);
        break;
      }
      default:
        break;
    }
  }
  return { rows, merges: applyMerges(rows, merges) };
}

function finishCell(
  cell: { t: string; style: number; v?: string; f: boolean },
  strings: string[],
  styles: StyleKind[],
): Cell | undefined {
  const kind = styles[cell.style];
  const percent = kind?.percent ?? false;
  const date = kind?.date ?? false;
  if (cell.f) {
    // exceljs keeps a cached result only when it is truthy (0, false and '' read as no result) — after
    // turning a date-formatted one into a Date, which is always truthy.
    let result: CellValue | boolean | undefined;
    if (cell.v !== undefined) {
      if (cell.t === 'str') {
        if (cell.v.includes('&') || date) notPlain('formula text result exceljs decodes again');
        result = cell.v;
      } else if (cell.t === 'b') {
        if (date) notPlain('date-formatted boolean');
        result = Number.parseInt(cell.v, 10) !== 0;
      } else if (cell.t === 'e') {
        result = null;
      } else {
        const n = Number.parseFloat(cell.v);
        result = date ? excelToDate(n) : n;
      }
    }
    const value = result === true ? '是' : result ? result : null;
    return { kind: 'value', value, formula: true, percent };
  }
  if (cell.v === undefined) return cell.style ? NULL_CELL() : undefined;
  switch (cell.t) {
    case 's': {
      const text = strings[Number.parseInt(cell.v, 10)];
      if (text === undefined) return notPlain('shared string out of range');
      return { kind: 'value', value: text, formula: false, percent };
    }
    case 'b':
      return { kind: 'value', value: Number.parseInt(cell.v, 10) !== 0 ? '是' : '否', formula: false, percent };
    case 'e':
      return { kind: 'value', value: null, formula: false, percent };
    case 'str':
      return notPlain('plain str cell, which exceljs decodes twice');
    default: {
      const n = Number.parseFloat(cell.v);
      return { kind: 'value', value: date ? excelToDate(n) : n, formula: false, percent };
    }
  }
}

/** exceljs makes every cell of a merged range, the covered ones pointing at the top-left; ranges that overlap make it fail. */
function applyMerges(rows: (Cell | undefined)[][], merges: string[]): ParsedSheet['merges'] {
  const covered = new Set<number>();
  const ranges: ParsedSheet['merges'] = [];
  for (const ref of merges) {
    const [a = '', b = a] = ref.split(':');
    const from = ADDRESS.exec(a);
    const to = ADDRESS.exec(b);
    if (!from || !to) return notPlain('merged range without addresses');
    const [r1, r2] = [Number(from[2]), Number(to[2])].sort((x, y) => x - y) as [number, number];
    const [c1, c2] = [columnNumber(from[1]!), columnNumber(to[1]!)].sort((x, y) => x - y) as [number, number];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (covered.has(r * 20000 + c)) notPlain('overlap');
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) covered.add(r * 20000 + c);
    ranges.push({ r1, c1, r2, c2 });
    const top = (rows[r1 - 1] ??= []);
    const master = (top[c1 - 1] ??= NULL_CELL());
    for (let r = r1; r <= r2; r++) {
      const cells = (rows[r - 1] ??= []);
      for (let c = c1; c <= c2; c++)
        if (r !== r1 || c !== c1) cells[c - 1] = { kind: 'merge', value: null, formula: false, percent: false, master };
    }
  }
  return ranges;
}

const source = (cell: Cell) => cell.master ?? cell;
const hasValues = (row: (Cell | undefined)[] | undefined) => Boolean(row?.some((c) => c && c.kind !== 'null'));

/**
 * Zip parts in, grid out; null when the file is not plain enough (exceljs then reads it). `parts` holds
 * the workbook, its relationships, shared strings, styles and every worksheet, inflated.
 */
export function readXlsxValues(
  parts: Map<string, Buffer>,
  asShownPercent: (value: number) => string,
  formulaKey: (row: number, col: number) => number,
): LeanWorkbook | null {
  try {
    return read(parts, asShownPercent, formulaKey);
  } catch (err) {
    if (err instanceof NotPlain) return null;
    throw err;
  }
}

function read(
  parts: Map<string, Buffer>,
  asShownPercent: (value: number) => string,
  formulaKey: (row: number, col: number) => number,
): LeanWorkbook {
  const text = (name: string) => parts.get(name)?.toString('utf8');
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) return notPlain('no workbook');
  if (/date1904|<!DOCTYPE|<!ENTITY|<\w+:(?:workbook|sheet)\b/.test(workbook)) notPlain('workbook options');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    targets.set(a.get('Id') ?? '', a.get('Target') ?? '');
  }
  const stringsXml = text('xl/sharedStrings.xml');
  const stylesXml = text('xl/styles.xml');
  for (const xml of [stringsXml, stylesXml])
    if (xml !== undefined && /<!DOCTYPE|<!ENTITY|<!\[CDATA\[|<\w+:(?:sst|si|t|r|styleSheet|xf|numFmt)\b/.test(xml))
      notPlain('namespaced or DOCTYPE parts');
  const strings = sharedStrings(stringsXml);
  const styles = styleKinds(stylesXml);

  const sheets: SheetGrid[] = [];
  const skipped: string[] = [];
  let templateRecord: TemplateRecord | null = null;
  for (const m of workbook.matchAll(/<sheet\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const name = a.get('name') ?? '';
    // exceljs decodes a sheet name's entities a second time.
    if (name.includes('&')) notPlain('sheet name with &');
    const target = targets.get(a.get('r:id') ?? '');
    const path = target && `xl/${target.replace(/^\/xl\//, '')}`;
    const xml = path && /^xl\/worksheets\/sheet\d+\.xml$/.test(path) ? text(path) : undefined;
    if (xml === undefined) return notPlain('sheet part not where exceljs looks');
    const { rows: cells, merges } = parseSheet(xml, strings, styles);
    const valueOf = (cell: Cell | undefined): CellValue => (cell ? source(cell).value : null);

    if (name === TEMPLATE_RECORD_SHEET) {
      // As exceljs's eachRow: rows with values only, each as long as its cells reach, merged cells as their master.
      const rows = cells
        .filter((r) => hasValues(r))
        .map((r) => Array.from({ length: r.length }, (_, c) => valueOf(r[c])));
      templateRecord = readTemplateRecord(rows);
      if (templateRecord) continue;
    }
    const state = a.get('state') ?? 'visible';
    if (state !== 'visible') {
      skipped.push(`工作表“${name}”是隐藏的，已跳过`);
      continue;
    }
    const width = cells.reduce((w, r) => (hasValues(r) ? Math.max(w, r.length) : w), 0);
    const formulas = new Set<number>();
    const rows: CellValue[][] = [];
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      const values: CellValue[] = new Array<CellValue>(width);
      for (let c = 0; c < width; c++) {
        const cell = row?.[c];
        if (!cell) {
          values[c] = null;
          continue;
        }
        const from = source(cell);
        if (from.formula) formulas.add(formulaKey(r, c));
        values[c] = typeof from.value === 'number' && from.percent ? asShownPercent(from.value) : from.value;
      }
      rows.push(values);
    }
    const bannerRows = new Set<number>();
    for (const m of merges) if (m.r1 === m.r2 && m.c2 - m.c1 + 1 >= Math.max(3, width - 1)) bannerRows.add(m.r1 - 1);
    sheets.push({ name, rows, bannerRows, formulas });
  }
  return { sheets, skipped, templateRecord };
}
