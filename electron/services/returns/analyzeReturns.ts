// Reads a township's return against the ledger: finds its header, its township and each row's work item and report.
import crypto from 'node:crypto';
import type { ReturnFileView, ReturnRowView } from '../../../shared/channels/returns';
import type { LedgerSnapshot, Unit } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { unitIdsReaching } from '../../../shared/collectives';
import { mapStatus } from '../../../shared/mapStatus';
import { cleanCell, normalizeForMatch, toHalfWidthAlnum } from '../../../shared/normalizeText';
import { parseDeadline } from '../../../shared/parseDeadline';
import { parsePercent } from '../../../shared/parsePercent';
import { namesOf } from '../../../shared/unitNames';
import { isFilledReport, REPORT_FIELD_LABELS, REPORT_FIELDS, type ReportField } from '../../../shared/reportFields';
import {
  applyOverride,
  detectHeader,
  headerSignature,
  headerWords,
  type ColumnMapping,
  type ReturnField,
  type SheetOverride,
} from './detectHeader';
import {
  buildMatchIndex,
  exactMatches,
  holds,
  isConfident,
  narrowMatchIndex,
  queryOfKey,
  rankQuery,
  type MatchIndex,
} from './matchWorkItem';
import { formulaKey, readReturnFile, type CellValue, type SheetGrid } from './readReturnFile';
import type { TemplateRecord } from './templateRecord';
import { againstTemplate, matchByTemplateId, type ItemLookup } from './checkTemplateRow';

/** One matched row, as the preview and the CLI contract show it. */
export type ReturnRow = Omit<ReturnRowView, 'before'>;
/** Before the round's existing reports are looked at: kept-existing is decided by the preview. */
export type UnmatchedRow = ReturnFileView['unmatched'][number];

export interface FileAnalysis {
  file: string;
  unit: string | null;
  unitId: number | null;
  sha256: string;
  size: number;
  error: { code: string; message: string } | null;
  rows: ReturnRow[];
  unmatched: UnmatchedRow[];
  conflicts: { taskId: number; rows: { sheet: string; row: number }[] }[];
  notes: string[];
  /** File-level warnings for the clerk (formulas; the preview adds period and round checks). */
  warnings: string[];
  sheets: SheetLayout[];
  /** What our template was exported with, when the file is one. */
  template: { roundId: number; roundName: string; unitId: number; exportedAt: string } | null;
  /** Text near the top of the file (title, 填报单位, 填报时间 lines), for the period check. */
  headLines: string[];
  /** The 填报时间 / 填报日期 the file gives, ISO. */
  filledOn: string | null;
}

export interface SheetLayout {
  name: string;
  /** 1-based last header row. */
  headerRow: number;
  headers: string[];
  columns: ColumnMapping;
  signature: string;
  /** Where the columns came from: detected, remembered for this township, or set by the clerk. */
  source: 'detected' | 'remembered' | 'clerk';
}

export interface AnalyzeOptions {
  /** Per sheet name: the clerk's header row and column choices. */
  overrides?: Record<string, SheetOverride>;
  /** Column mappings remembered for a township, by header signature. */
  remembered?: (unitId: number, signature: string) => ColumnMapping | undefined;
  /** The clerk's choice of township, overriding what the file says. */
  unitId?: number;
  /** Supplies the year for 10月底前 and the like: the round's period end, or today. */
  referenceDate: string;
}

const FOOTER = /^(填报人|填表人|联系电话|联系人|分管领导|审核人|制表人|单位负责人)/;
const DIGITS = /^\d+$/;
const HEADING = /^[一二三四五六七八九十]+、/;
const FORMULA_START = /^[=+\-@]/;
const FORMULA = /^[=+@]|^-\D/;
const FILLED_BY = /填报单位[（(]?[^：:]*[)）]?[：:]\s*([^\s，,；;]+)/;

/** What toHalfWidthAlnum or cleanCell would change; most cells have none of it. */
const UNCLEAN = /[\s０-９Ａ-Ｚａ-ｚ％．]/;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v);
  return UNCLEAN.test(s) ? cleanCell(toHalfWidthAlnum(s)) : s;
}

/** Excel keeps dates as day numbers from 1899-12-30; built in UTC so no time zone moves the day. */
function isoFromExcel(v: CellValue): string | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 20000 && v < 80000)
    return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000).toISOString().slice(0, 10);
  return null;
}

export function resolveUnit(words: string[], units: Unit[]): Unit | null {
  let best = null as { unit: Unit; length: number } | null;
  for (const w of words) {
    const clean = w.replace(/[（(]盖章[)）]/g, '').replace(/人民政府$|政府$/, '');
    for (const u of units) {
      for (const n of namesOf(u)) {
        if (n.length >= 2 && clean.includes(n) && (!best || n.length > best.length))
          best = { unit: u, length: n.length };
      }
    }
    if (best) return best.unit;
  }
  return null;
}

/** A return repeats the same few deadline words on every row: read each once. */
const deadlineCache = new Map<string, Map<string, string | null>>();
function deadlineOf(text: string, referenceDate: string): string | null {
  let dates = deadlineCache.get(referenceDate);
  if (!dates) {
    if (deadlineCache.size > 20) deadlineCache.clear();
    deadlineCache.set(referenceDate, (dates = new Map()));
  }
  let date = dates.get(text);
  if (date === undefined) {
    if (dates.size > 5000) dates.clear();
    date = parseDeadline(text, { referenceDate }).date;
    dates.set(text, date);
  }
  return date;
}

/** So do the few ways a column writes its percentages. */
const percentCache = new Map<string, number | null>();
function percentOf(value: CellValue, numbersArePercent: boolean): number | null {
  if (typeof value !== 'string') return parsePercent(value, { numbersArePercent });
  const key = `${numbersArePercent ? 1 : 0}${value}`;
  let percent = percentCache.get(key);
  if (percent === undefined) {
    if (percentCache.size > 5000) percentCache.clear();
    percent = parsePercent(value, { numbersArePercent });
    percentCache.set(key, percent);
  }
  return percent;
}

/** Status words repeat on every row too. */
const statusCache = new Map<string, ReturnType<typeof mapStatus>>();
function statusOf(text: string): ReturnType<typeof mapStatus> {
  let status = statusCache.get(text);
  if (status === undefined) {
    if (statusCache.size > 5000) statusCache.clear();
    status = mapStatus(text);
    statusCache.set(text, status);
  }
  return status;
}

type Reported = UnmatchedRow['reported'];

/** Spelt out rather than spread: the preview and the CLI JSON keep this key order. */
function matchedRow(
  sheet: string,
  row: number,
  taskId: number,
  taskContent: string,
  score: number,
  method: ReturnRow['method'],
  reported: Reported,
): ReturnRow {
  const { status, percent, deadline, deadlineText, progress, problems, nextSteps, warnings } = reported;
  const outcome = isFilledReport(reported) ? 'apply' : 'empty';
  return {
    sheet,
    row,
    taskId,
    taskContent,
    score,
    method,
    status,
    percent,
    deadline,
    deadlineText,
    progress,
    problems,
    nextSteps,
    warnings,
    outcome,
    conflict: null,
    lockedEdits: [],
  };
}

const FIELD_COLUMN: Record<ReportField, ReturnField> = {
  status: 'status',
  percent: 'percent',
  progress: 'progress',
  problems: 'problems',
  nextSteps: 'nextSteps',
};

function analyzeSheet(
  layout: (sheet: SheetGrid) => { header: ReturnType<typeof detectHeader>; source: SheetLayout['source'] },
  sheet: SheetGrid,
  items: { assigned: MatchIndex; all: MatchIndex },
  ledger: PreparedLedger,
  referenceDate: string,
  record: TemplateRecord | null,
  out: FileAnalysis,
): boolean {
  const { header, source } = layout(sheet);
  if (!header) return false;
  out.sheets.push({
    name: sheet.name,
    headerRow: header.lastHeaderRow + 1,
    headers: headerWords(sheet, header),
    columns: header.columns,
    signature: headerSignature(sheet, header),
    source,
  });
  // Column positions looked up once per sheet, not per row and field.
  const at = (f: ReturnField) => header.columns[f];
  const [cTaskId, cContent, cTask, cProgress, cProblems, cNextSteps, cPercent, cDeadline, cStatus, cUnit] = (
    ['taskId', 'content', 'task', 'progress', 'problems', 'nextSteps', 'percent', 'deadline', 'status', 'unit'] as const
  ).map(at);
  const col = (row: CellValue[], c: number | undefined) => (c === undefined ? null : (row[c] ?? null));
  // A column of plain numbers is read as a whole. Any above 1: they are percents (60, 80; a 1 is 1 %).
  // Any strictly between 0 and 1: fractions (0.6, 0.8; a 1 is 100 %). Only 0s and 1s: the header
  // decides; 完成进度（%）, as on our template ("填 0–100 的数字"), means percents.
  let above1 = false;
  let fraction = false;
  if (cPercent !== undefined) {
    for (const row of sheet.rows.slice(header.lastHeaderRow + 1)) {
      const v = row[cPercent];
      if (typeof v !== 'number') continue;
      above1 ||= v > 1;
      fraction ||= v > 0 && v < 1;
    }
  }
  const percentHeader =
    cPercent === undefined
      ? ''
      : text(sheet.rows[header.firstHeaderRow]?.[cPercent]) + text(sheet.rows[header.lastHeaderRow]?.[cPercent]);
  const numbersArePercent = above1 || (!fraction && /[%％]/.test(percentHeader));
  const field = (cells: string[], c: number | undefined) => (c === undefined ? '' : (cells[c] ?? ''));
  for (const [r, row] of sheet.rows.entries()) {
    if (r <= header.lastHeaderRow) continue;
    const cells = row.map(text);
    if (cells.every((c) => !c) || sheet.bannerRows.has(r)) continue;
    if (cells.some((c) => FOOTER.test(c))) continue;
    // Each cell is cleaned once (cells[]); fields read their column from there.
    const work = field(cells, cContent) || field(cells, cTask);
    const idCell = col(row, cTaskId);
    const templateId = typeof idCell === 'number' ? idCell : DIGITS.test(text(idCell)) ? Number(text(idCell)) : null;
    const progress = field(cells, cProgress);
    if (!work && templateId === null) continue;
    // A banner typed into one cell (一、县下达任务) with nothing reported is a heading, not a task.
    if (!progress && cells.filter(Boolean).length === 1 && HEADING.test(work)) continue;
    const warnings: string[] = [];
    for (const c of row) {
      if (typeof c !== 'string') continue;
      const t = c.trim();
      if (FORMULA_START.test(t) && FORMULA.test(t))
        warnings.push(`“${t.slice(0, 20)}”像是公式，已按文字读入，不会执行。`);
    }
    const rawPercent = col(row, cPercent);
    const percent = percentOf(rawPercent, numbersArePercent);
    if (numbersArePercent && percent !== null && percent > 0 && percent <= 1 && typeof rawPercent !== 'string') {
      warnings.push(
        `完成进度填的是 ${percent}，按 ${percent}% 记录；如果指的是 ${Math.round(percent * 100)}%，请改为 ${Math.round(percent * 100)}。`,
      );
    }
    if (percent === null && rawPercent !== null && text(rawPercent))
      warnings.push(`完成进度“${text(rawPercent)}”无法识别，应为 0–100 的数字或百分比。`);
    const rawDeadline = col(row, cDeadline);
    const excelDate = isoFromExcel(rawDeadline);
    const deadlineText = excelDate ?? text(rawDeadline);
    const deadline = excelDate ?? (deadlineText ? deadlineOf(deadlineText, referenceDate) : null);
    const rawStatus = field(cells, cStatus);
    const status = rawStatus ? statusOf(rawStatus) : null;
    if (rawStatus && !status) warnings.push(`状态“${rawStatus}”无法识别，未导入状态。`);
    const reported: Reported = {
      status,
      percent,
      deadline,
      deadlineText,
      progress,
      problems: field(cells, cProblems),
      nextSteps: field(cells, cNextSteps),
      warnings,
    };
    // A formula's cached result is what the township saw; it is taken, but the clerk is told.
    if (sheet.formulas.size)
      for (const f of REPORT_FIELDS) {
        const c = header.columns[FIELD_COLUMN[f]];
        if (c !== undefined && sheet.formulas.has(formulaKey(r, c))) {
          warnings.push(`“${REPORT_FIELD_LABELS[f]}”是公式，已按其计算结果“${field(cells, c)}”读入，请核对。`);
        }
      }
    const returnedLocked = {
      content: field(cells, cContent),
      units: field(cells, cUnit),
      deadline: cDeadline === undefined ? null : deadlineText,
    };
    const templateContent = templateId === null ? undefined : ledger.contentOf(templateId);
    if (templateContent !== undefined) {
      const matched = matchByTemplateId(
        matchedRow(sheet.name, r + 1, templateId!, templateContent, 1, 'template', reported),
        work,
        reported,
        items.all,
        ledger,
      );
      out.rows.push(againstTemplate(matched, reported, returnedLocked, record, ledger, true));
      continue;
    }
    // Most rows copy the work item word for word: one exact hit needs no ranking.
    const { key, places: exact } = ledger.exactly(work);
    const [onlyPlace] = exact;
    if (exact.length === 1 && onlyPlace !== undefined) {
      // exactly() gives places in the whole ledger's index.
      const item = items.all.items[onlyPlace]!;
      // The only item with this text: on the township's list if it is in the township's index.
      const onOwnList = holds(items.assigned, onlyPlace);
      out.rows.push(
        againstTemplate(
          matchedRow(sheet.name, r + 1, item.id, item.content, 1, onOwnList ? 'text' : 'text-all', reported),
          reported,
          returnedLocked,
          record,
          ledger,
          false,
        ),
      );
      continue;
    }
    const query = queryOfKey(key);
    const own = rankQuery(query, items.assigned);
    const every = rankQuery(query, items.all);
    // The township's own work is preferred, but never over a work item elsewhere that fits better:
    // then only a clear winner among all work items is taken, and the clerk decides the rest.
    const betterElsewhere = every[0] && own[0] && every[0].taskId !== own[0].taskId && every[0].score > own[0].score;
    const ranked = isConfident(own) && !betterElsewhere ? own : isConfident(every) ? every : null;
    const best = ranked?.[0];
    if (best) {
      const onOwnList = own.some((c) => c.taskId === best.taskId);
      out.rows.push(
        againstTemplate(
          matchedRow(
            sheet.name,
            r + 1,
            best.taskId,
            best.content,
            best.score,
            onOwnList ? 'text' : 'text-all',
            reported,
          ),
          reported,
          returnedLocked,
          record,
          ledger,
          false,
        ),
      );
    } else {
      out.unmatched.push({
        sheet: sheet.name,
        row: r + 1,
        text: work,
        candidates: (every.length ? every : own).slice(0, 3),
        reported,
      });
    }
  }
  return true;
}

interface PreparedLedger extends ItemLookup {
  all: MatchIndex;
  assignedTo: (unit: Unit | null) => MatchIndex;
}

/** Indexes built once per ledger snapshot: a batch of 50 returns shares them. */
const prepared = new WeakMap<LedgerSnapshot, PreparedLedger>();

function prepareLedger(snap: LedgerSnapshot): PreparedLedger {
  const known = prepared.get(snap);
  if (known) return known;
  const itemNodes = snap.tasks.filter((t) => t.level === 'item');
  const all = buildMatchIndex(itemNodes);
  const verbatim = new Map<string, { key: string; places: readonly number[] }>();
  for (const item of all.items)
    if (!verbatim.has(item.content)) verbatim.set(item.content, { key: item.key, places: exactMatches(all, item.key) });
  // Where in the ledger's list each unit's items sit (lead or co-working), so a township's list is
  // not a scan of the whole ledger. Task ids are primary keys: an item reached is its id reached.
  const itemsOfUnit = new Map<number, number[]>();
  const add = (unitId: number, i: number) => {
    const list = itemsOfUnit.get(unitId);
    if (list) list.push(i);
    else itemsOfUnit.set(unitId, [i]);
  };
  itemNodes.forEach((t, i) => {
    for (const id of t.leadUnitIds) add(id, i);
    for (const id of t.coUnitIds) add(id, i);
  });
  const byUnit = new Map<number, MatchIndex>();
  const empty = narrowMatchIndex(all, []);
  let ids: Map<number, number> | undefined;
  const placeOf = (taskId: number) => (ids ??= new Map(itemNodes.map((t, i) => [t.id, i]))).get(taskId);
  const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
  const result: PreparedLedger = {
    all,
    // Only a return on our own fill-in template carries task ids: most batches never ask.
    contentOf: (taskId) => {
      const p = placeOf(taskId);
      return p === undefined ? undefined : itemNodes[p]?.content;
    },
    keyOf: (taskId) => {
      const p = placeOf(taskId);
      return p === undefined ? '' : (all.items[p]?.key ?? '');
    },
    lockedOf: (taskId) => {
      // Asked only for rows matched to a ledger task.
      const t = itemNodes[placeOf(taskId) ?? -1];
      if (!t) throw new Error(`lockedOf: task ${taskId} is not in the ledger`);
      return {
        content: t.content,
        units: t.leadUnitIds.map((id) => unitName.get(id) ?? '').join('、'),
        deadline: t.deadline.text || t.deadline.date || '',
      };
    },
    assignedTo: (unit) => {
      if (!unit) return empty;
      let index = byUnit.get(unit.id);
      if (!index) {
        // Every item the unit or a collective including it leads or works on, in ledger order.
        const reached = new Uint8Array(itemNodes.length);
        for (const unitId of unitIdsReaching(unit, snap.units))
          for (const i of itemsOfUnit.get(unitId) ?? []) reached[i] = 1;
        const places: number[] = [];
        for (let i = 0; i < reached.length; i++) if (reached[i]) places.push(i);
        index = narrowMatchIndex(all, places);
        byUnit.set(unit.id, index);
      }
      return index;
    },
    exactly: (text) => {
      const known = verbatim.get(text);
      if (known) return known;
      const key = normalizeForMatch(text);
      return { key, places: exactMatches(all, key) };
    },
  };
  prepared.set(snap, result);
  return result;
}

const FILLED_ON = /(填报|报送|填表)(时间|日期)[：:]?\s*(.*)$/;

/** The 填报时间 a file gives above its table: in the same cell as the label, or in the cell beside it. */
function filledOnOf(sheets: SheetGrid[]): string | null {
  for (const sheet of sheets) {
    for (const row of sheet.rows.slice(0, 8)) {
      for (let c = 0; c < row.length; c++) {
        const cell = text(row[c]);
        const m = FILLED_ON.exec(cell);
        if (!m) continue;
        // FILLED_ON's third group matches always, if only the empty rest of the cell.
        const rest = m[3]!;
        const after = rest.trim() ? rest : (row.slice(c + 1).find((v) => v !== null && v !== '') ?? null);
        const iso =
          after instanceof Date || typeof after === 'number'
            ? isoFromExcel(after)
            : after
              ? isoDateIn(text(after))
              : null;
        if (iso) return iso;
      }
    }
  }
  return null;
}

const DATE = /(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})/;
function isoDateIn(s: string): string | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A file's analysis before anything is read from it: named and hashed, so a file refused before or during
 * reading (`error` set) is listed in a batch beside the others and the same file is known when it comes again.
 */
export function blankAnalysis(fileName: string, data: Buffer, error: FileAnalysis['error'] = null): FileAnalysis {
  return {
    file: fileName,
    unit: null,
    unitId: null,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    size: data.length,
    error,
    rows: [],
    unmatched: [],
    conflicts: [],
    notes: [],
    warnings: [],
    sheets: [],
    template: null,
    headLines: [],
    filledOn: null,
  };
}

/** Reads and matches one township file against the ledger; never writes, never throws for a bad file. */
export async function analyzeReturnFile(
  fileName: string,
  data: Buffer,
  snap: LedgerSnapshot,
  options: AnalyzeOptions,
): Promise<FileAnalysis> {
  const out = blankAnalysis(fileName, data);
  try {
    const book = await readReturnFile(fileName, data);
    out.notes.push(...book.skipped);
    const record = book.templateRecord;
    if (record)
      out.template = {
        roundId: record.roundId,
        roundName: record.roundName,
        unitId: record.unitId,
        exportedAt: record.exportedAt,
      };
    const prepared = prepareLedger(snap);
    // Who sent it: the clerk's choice, a 填报单位 line or title above the table, else the file name.
    const firstRows = book.sheets.flatMap((s) => s.rows.slice(0, 6).flat().map(text)).filter(Boolean);
    const filledBy = firstRows.map((c) => FILLED_BY.exec(c)?.[1]).filter((x): x is string => Boolean(x));
    out.headLines = [...new Set(firstRows)].slice(0, 12);
    out.filledOn = filledOnOf(book.sheets);
    const unit =
      (options.unitId !== undefined ? (snap.units.find((u) => u.id === options.unitId) ?? null) : null) ??
      resolveUnit([...filledBy, ...firstRows.slice(0, 3), fileName.replace(/\.[^.]+$/, '')], snap.units);
    out.unit = unit?.name ?? null;
    out.unitId = unit?.id ?? null;
    const indexes = { assigned: prepared.assignedTo(unit), all: prepared.all };
    let readable = 0;
    const layout = (sheet: SheetGrid) => {
      const override = options.overrides?.[sheet.name];
      const detected = detectHeader(sheet);
      if (override) return { header: applyOverride(sheet, detected, override), source: 'clerk' as const };
      const memory = detected && unit ? options.remembered?.(unit.id, headerSignature(sheet, detected)) : undefined;
      if (memory) return { header: applyOverride(sheet, detected, { columns: memory }), source: 'remembered' as const };
      return { header: detected, source: 'detected' as const };
    };
    for (const sheet of book.sheets) {
      if (analyzeSheet(layout, sheet, indexes, prepared, options.referenceDate, record, out)) readable += 1;
      else if (sheet.rows.some((r) => r.some((c) => c !== null && c !== '')))
        out.notes.push(`工作表“${sheet.name}”没有找到表头（工作内容、进展情况等），已跳过`);
    }
    if (readable === 0) {
      // Offer each sheet's first filled row as a header the clerk can move and map by hand.
      out.sheets = book.sheets
        .map((sheet) => ({ sheet, first: sheet.rows.findIndex((r) => r.some((c) => c !== null && c !== '')) }))
        .filter(({ first }) => first >= 0)
        .map(({ sheet, first }) => ({
          name: sheet.name,
          headerRow: first + 1,
          headers: (sheet.rows[first] ?? []).map((c) => text(c)),
          columns: {},
          signature: '',
          source: 'detected' as const,
        }));
      throw new DomainError(
        'no_header',
        `“${fileName}”中没有找到推进情况表的表头（如“工作内容”“进展情况”），可能是发错了文件（如签到表）。请核对；如确是推进情况表，可在下方指定表头行和各列的含义。`,
      );
    }
    if (!unit) out.notes.push('没有识别出填报单位，请在导入前选择。');
    // Two rows of the file reporting on one item: the clerk picks. Rows that report nothing do not count.
    const byTask = new Map<number, ReturnRow[]>();
    for (const r of out.rows) {
      if (r.outcome !== 'apply') continue;
      const rows = byTask.get(r.taskId);
      if (rows) rows.push(r);
      else byTask.set(r.taskId, [r]);
    }
    for (const [taskId, rows] of byTask) {
      if (rows.length < 2) continue;
      out.conflicts.push({ taskId, rows: rows.map((r) => ({ sheet: r.sheet, row: r.row })) });
      for (const r of rows) {
        r.outcome = 'conflict';
        r.conflict = { kind: 'duplicate', candidates: [] };
        r.warnings.push(`同一任务在本文件中报了 ${rows.length} 次，请选定其中一条。`);
      }
    }
    const formulaRows = out.rows.filter((r) => r.warnings.some((w) => w.includes('是公式，已按其计算结果'))).length;
    if (formulaRows)
      out.warnings.push(`有 ${formulaRows} 行的填报内容是公式，已按文件中保存的计算结果读入，请核对这些行。`);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    out.error = err.toData();
    out.rows = [];
    out.unmatched = [];
  }
  return out;
}

/** The CLI / checks contract: these fields per file (rows keep their report fields; `outcome` says what an import does). */
export function toReturnsJson(
  files: (Pick<FileAnalysis, 'file' | 'unit' | 'error' | 'warnings' | 'rows' | 'unmatched' | 'conflicts'> & {
    blank?: boolean;
  })[],
) {
  return {
    files: files.map((f) => ({
      file: f.file,
      unit: f.unit,
      error: f.error,
      blank: f.blank ?? false,
      warnings: f.warnings,
      rows: f.rows,
      unmatched: f.unmatched.map(({ sheet, row, text, candidates }) => ({
        sheet,
        row,
        text,
        candidates,
        outcome: 'unmatched' as const,
      })),
      conflicts: f.conflicts,
    })),
  };
}
