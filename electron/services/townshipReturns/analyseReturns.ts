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
import { applyOverride, detectHeader, headerSignature, headerWords, type ColumnMapping, type ReturnField, type SheetOverride } from './detectHeader';
import { buildMatchIndex, isConfident, rankCandidates, toMatchable, type MatchIndex } from './matchWorkItem';
import { readReturnFile, type CellValue, type SheetGrid } from './readReturnFile';

/** One matched row, as the preview and the CLI contract show it. */
export type ReturnRow = Omit<ReturnRowView, 'before'>;
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
  sheets: SheetLayout[];
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

export interface AnalyseOptions {
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
const FILLED_BY = /填报单位[（(]?[^：:]*[)）]?[：:]\s*([^\s，,；;]+)/;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cleanCell(toHalfWidthAlnum(String(v)));
}

/** Excel keeps dates as day numbers from 1899-12-30; built in UTC so no time zone moves the day. */
function isoFromExcel(v: CellValue): string | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 20000 && v < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000).toISOString().slice(0, 10);
  return null;
}

export function resolveUnit(words: string[], units: Unit[]): Unit | null {
  let best = null as { unit: Unit; length: number } | null;
  for (const w of words) {
    const clean = w.replace(/[（(]盖章[)）]/g, '').replace(/人民政府$|政府$/, '');
    for (const u of units) {
      for (const n of namesOf(u)) {
        if (n.length >= 2 && clean.includes(n) && (!best || n.length > best.length)) best = { unit: u, length: n.length };
      }
    }
    if (best) return best.unit;
  }
  return null;
}

/** A return repeats the same few deadline words on every row: read each once. */
const deadlineCache = new Map<string, string | null>();
function deadlineOf(text: string, referenceDate: string): string | null {
  const key = `${referenceDate}|${text}`;
  let date = deadlineCache.get(key);
  if (date === undefined) {
    if (deadlineCache.size > 5000) deadlineCache.clear();
    date = parseDeadline(text, { referenceDate }).date;
    deadlineCache.set(key, date);
  }
  return date;
}

function analyseSheet(
  layout: (sheet: SheetGrid) => { header: ReturnType<typeof detectHeader>; source: SheetLayout['source'] },
  sheet: SheetGrid,
  items: { assigned: MatchIndex; all: MatchIndex },
  ids: Map<number, string>,
  referenceDate: string,
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
  const col = (row: CellValue[], f: ReturnField) => (header.columns[f] === undefined ? null : row[header.columns[f]!] ?? null);
  for (let r = header.lastHeaderRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const cells = row.map(text);
    if (cells.every((c) => !c) || sheet.bannerRows.has(r)) continue;
    if (cells.some((c) => FOOTER.test(c))) continue;
    // Each cell is cleaned once (cells[]); fields read their column from there.
    const field = (f: ReturnField) => (header.columns[f] === undefined ? '' : cells[header.columns[f]!] ?? '');
    const work = field('content') || field('task');
    const idCell = col(row, 'taskId');
    const templateId = typeof idCell === 'number' ? idCell : /^\d+$/.test(text(idCell)) ? Number(text(idCell)) : null;
    const progress = field('progress');
    if (!work && templateId === null) continue;
    // A banner typed into one cell (一、县下达任务) with nothing reported is a heading, not a task.
    if (!progress && cells.filter(Boolean).length === 1 && /^[一二三四五六七八九十]+、/.test(work)) continue;
    const warnings: string[] = [];
    for (const c of row) if (typeof c === 'string' && /^[=+\-@]/.test(c.trim()) && /^[=+@]|^-\D/.test(c.trim())) warnings.push(`“${c.trim().slice(0, 20)}”像是公式，已按文字读入，不会执行。`);
    const rawPercent = col(row, 'percent');
    const percent = parsePercent(rawPercent);
    if (rawPercent !== null && text(rawPercent) && percent === null) warnings.push(`完成进度“${text(rawPercent)}”无法识别，应为 0–100 的数字或百分比。`);
    const rawDeadline = col(row, 'deadline');
    const excelDate = isoFromExcel(rawDeadline);
    const deadlineText = excelDate ?? text(rawDeadline);
    const deadline = excelDate ?? (deadlineText ? deadlineOf(deadlineText, referenceDate) : null);
    const rawStatus = field('status');
    const status = rawStatus ? mapStatus(rawStatus) : null;
    if (rawStatus && !status) warnings.push(`状态“${rawStatus}”无法识别，未导入状态。`);
    const reported = { status, percent, deadline, deadlineText, progress, problems: field('problems'), nextSteps: field('nextSteps'), warnings };
    const base = { sheet: sheet.name, row: r + 1 };
    if (templateId !== null && ids.has(templateId)) {
      out.rows.push({ ...base, taskId: templateId, taskContent: ids.get(templateId)!, score: 1, method: 'template', ...reported });
      continue;
    }
    // Most rows copy the work item word for word: one exact hit needs no ranking.
    const exact = items.all.exact.get(normalizeForMatch(work));
    if (exact?.length === 1) {
      const onOwnList = items.assigned.exact.has(exact[0].key);
      out.rows.push({ ...base, taskId: exact[0].id, taskContent: exact[0].content, score: 1, method: onOwnList ? 'text' : 'text-all', ...reported });
      continue;
    }
    const own = rankCandidates(work, items.assigned);
    const every = rankCandidates(work, items.all);
    // The township's own work is preferred, but never over a work item elsewhere that fits better:
    // then only a clear winner among all work items is taken, and the clerk decides the rest.
    const betterElsewhere = every[0] && own[0] && every[0].taskId !== own[0].taskId && every[0].score > own[0].score;
    const ranked = isConfident(own) && !betterElsewhere ? own : isConfident(every) ? every : null;
    if (ranked) {
      const best = ranked[0];
      const onOwnList = own.some((c) => c.taskId === best.taskId);
      out.rows.push({ ...base, taskId: best.taskId, taskContent: best.content, score: best.score, method: onOwnList ? 'text' : 'text-all', ...reported });
    } else {
      out.unmatched.push({ ...base, text: work, candidates: (every.length ? every : own).slice(0, 3), reported });
    }
  }
  return true;
}

interface PreparedLedger {
  all: MatchIndex;
  ids: Map<number, string>;
  assignedTo: (unit: Unit | null) => MatchIndex;
}

/** Indexes built once per ledger snapshot: a batch of 50 returns shares them. */
const prepared = new WeakMap<LedgerSnapshot, PreparedLedger>();

function prepareLedger(snap: LedgerSnapshot): PreparedLedger {
  const known = prepared.get(snap);
  if (known) return known;
  const itemNodes = snap.tasks.filter((t) => t.level === 'item');
  const all = itemNodes.map((t) => toMatchable(t.id, t.content));
  const byUnit = new Map<number, MatchIndex>();
  const empty = buildMatchIndex([]);
  const result: PreparedLedger = {
    all: buildMatchIndex(all),
    ids: new Map(itemNodes.map((t) => [t.id, t.content])),
    assignedTo: (unit) => {
      if (!unit) return empty;
      let index = byUnit.get(unit.id);
      if (!index) {
        const reach = new Set(unitIdsReaching(unit, snap.units));
        const reached = new Set(itemNodes.filter((t) => [...t.leadUnitIds, ...t.coUnitIds].some((id) => reach.has(id))).map((t) => t.id));
        index = buildMatchIndex(all.filter((m) => reached.has(m.id)));
        byUnit.set(unit.id, index);
      }
      return index;
    },
  };
  prepared.set(snap, result);
  return result;
}

/** Reads and matches one township file against the ledger; never writes, never throws for a bad file. */
export async function analyseReturnFile(fileName: string, data: Buffer, snap: LedgerSnapshot, options: AnalyseOptions): Promise<FileAnalysis> {
  const out: FileAnalysis = {
    file: fileName,
    unit: null,
    unitId: null,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    size: data.length,
    error: null,
    rows: [],
    unmatched: [],
    conflicts: [],
    notes: [],
    sheets: [],
  };
  try {
    const book = await readReturnFile(fileName, data);
    out.notes.push(...book.skipped);
    const prepared = prepareLedger(snap);
    // Who sent it: the clerk's choice, a 填报单位 line or title above the table, else the file name.
    const firstRows = book.sheets.flatMap((s) => s.rows.slice(0, 6).flat().map(text)).filter(Boolean);
    const filledBy = firstRows.map((c) => FILLED_BY.exec(c)?.[1]).filter((x): x is string => Boolean(x));
    const unit =
      (options.unitId !== undefined ? snap.units.find((u) => u.id === options.unitId) ?? null : null) ??
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
      if (analyseSheet(layout, sheet, indexes, prepared.ids, options.referenceDate, out)) readable += 1;
      else if (sheet.rows.some((r) => r.some((c) => c !== null && c !== ''))) out.notes.push(`工作表“${sheet.name}”没有找到表头（工作内容、进展情况等），已跳过`);
    }
    if (readable === 0) {
      // Offer each sheet's first filled row as a header the clerk can move and map by hand.
      out.sheets = book.sheets
        .map((sheet) => ({ sheet, first: sheet.rows.findIndex((r) => r.some((c) => c !== null && c !== '')) }))
        .filter(({ first }) => first >= 0)
        .map(({ sheet, first }) => ({
          name: sheet.name,
          headerRow: first + 1,
          headers: sheet.rows[first].map((c) => text(c)),
          columns: {},
          signature: '',
          source: 'detected' as const,
        }));
      throw new DomainError('no_header', `“${fileName}”中没有找到推进情况表的表头（如“工作内容”“进展情况”），可能是发错了文件（如签到表）。请核对；如确是推进情况表，可在下方指定表头行和各列的含义。`);
    }
    if (!unit) out.notes.push('没有识别出填报单位，请在导入前选择。');
    const byTask = new Map<number, { sheet: string; row: number }[]>();
    for (const r of out.rows) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), { sheet: r.sheet, row: r.row }]);
    for (const [taskId, rows] of byTask) {
      if (rows.length < 2) continue;
      out.conflicts.push({ taskId, rows });
      for (const r of out.rows) if (r.taskId === taskId) r.warnings.push(`同一任务在本文件中报了 ${rows.length} 次，请选定其中一条。`);
    }
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    out.error = err.toData();
    out.rows = [];
    out.unmatched = [];
  }
  return out;
}

/** The CLI / checks contract: exactly these fields per file. */
export function toReturnsJson(files: FileAnalysis[]) {
  return {
    files: files.map((f) => ({
      file: f.file,
      unit: f.unit,
      error: f.error,
      rows: f.rows,
      unmatched: f.unmatched.map(({ sheet, row, text, candidates }) => ({ sheet, row, text, candidates })),
      conflicts: f.conflicts,
    })),
  };
}
