// 重点任务清单 as an Excel sheet laid out like the plan's appendix table, paginated for A4, overdue rows marked.
import ExcelJS from 'exceljs';
import type { LedgerSnapshot, Unit } from '../../../shared/domain';
import { buildTaskListView } from '../taskListView';
import { EMPTY_FILTER, filterGridRows, toGridRows, type GridRow, type TaskFilter } from '../../../shared/taskListRows';
import { unitIdsReaching } from '../../../shared/collectives';
import { formatArabicChineseDate, formatChineseDate } from '../../../shared/chineseDate';
import { narrowedTitle } from '../../../shared/exportTitles';
import { setText } from './cellText';
import { unitNameLines } from './unitNameLines';
import { planPages, type PlannedRow } from './pagePlan';
import {
  BODY_FONT,
  HEADER_FILL,
  HEADER_FONT,
  OVERDUE_FILL,
  pageCapacity,
  planColumnWidths,
  setupA4Landscape,
  textHeight,
  THIN_BORDER,
  TITLE_FONT,
  widthForText,
  type ColumnPlan,
} from './printLayout';

import { TASK_LIST_COLUMN_NAMES as TASK_LIST_COLUMNS } from '../../../shared/channels/exports';

export type TaskListColumn = (typeof TASK_LIST_COLUMNS)[number];
/** 角色 (牵头/配合) is added on a unit's own list. */
type SheetColumn = TaskListColumn | '角色';

/** Wanted widths (Excel units); flexible columns share what is left of the A4 width. */
const PLANS: Record<SheetColumn, { width: number; flexible: boolean; min?: number }> = {
  序号: { width: 6, flexible: false },
  重点任务: { width: 18, flexible: true, min: 10 },
  工作内容: { width: 46, flexible: true, min: 20 },
  角色: { width: 7, flexible: false },
  牵头单位: { width: 14, flexible: true, min: 8 },
  配合单位: { width: 18, flexible: true, min: 8 },
  完成时限: { width: 12, flexible: false },
  状态: { width: 10, flexible: false },
  最新进展: { width: 30, flexible: true, min: 14 },
  备注: { width: 12, flexible: true, min: 8 },
};

const UNIT_COLUMNS = new Set<SheetColumn>(['牵头单位', '配合单位']);
const CENTRED = new Set<SheetColumn>(['序号', '完成时限', '状态', '角色']);
/** 完成时限 is as wide as its longest deadline up to this, so 2026年6月底前 is never broken. */
const DEADLINE_MAX_WIDTH = 18;

type Look = 'left' | 'centred' | 'status';
/**
 * The looks of a body cell, each one object shared by every cell that has it: exceljs gives a style
 * object it has seen before the same style id without serialising it again, which halves the time to
 * write a 5,000-item list. Cells given one of these are never restyled one by one, since that would
 * change every cell sharing the object. Overdue rows have their own looks with a light red fill.
 */
function bodyLooks(): Record<`${Look}${'' | 'Overdue'}` | 'banner', Partial<ExcelJS.Style>> {
  const look = (horizontal: 'left' | 'center', bold: boolean, overdue: boolean): Partial<ExcelJS.Style> => ({
    font: bold ? { ...BODY_FONT, bold: true } : { ...BODY_FONT },
    alignment: { vertical: 'middle', horizontal, wrapText: true },
    border: THIN_BORDER,
    ...(overdue ? { fill: OVERDUE_FILL } : {}),
  });
  return {
    left: look('left', false, false),
    centred: look('center', false, false),
    status: look('center', false, false),
    leftOverdue: look('left', false, true),
    centredOverdue: look('center', false, true),
    statusOverdue: look('center', true, true),
    banner: {
      font: { ...HEADER_FONT, size: 12 },
      alignment: { vertical: 'middle', wrapText: true },
      border: THIN_BORDER,
    },
  };
}

export interface TaskListOptions {
  title: string;
  /** 附件2 — printed top left, as on an official appendix. */
  attachmentLabel?: string;
  /** 制表单位 line under the title (the 截至 date is always added). */
  madeBy?: string;
  columns?: TaskListColumn[];
  filter?: Partial<TaskFilter>;
  /** Work items also shown when any of these units is lead or co (a township sees 各乡镇街道's work). */
  unitIds?: number[];
  /** A unit's own list: its work as lead, co-unit or through a collective, its name in the title, a 角色 column. */
  unit?: Unit;
  /** 简称 (县医保局) in the unit columns where a unit has one. */
  shortNames?: boolean;
  today: string;
  dueSoonDays?: number;
  sheetName?: string;
}

export interface TaskListSheet {
  sheet: ExcelJS.Worksheet;
  /** Work items on the sheet. */
  items: number;
  /** Pages the sheet was planned to print on. */
  pages: number;
}

/** The units whose work a list shows: a unit with the collectives that include it. */
function reachOf(snap: LedgerSnapshot, options: Pick<TaskListOptions, 'filter' | 'unitIds' | 'unit'>): number[] | null {
  if (options.unit) return unitIdsReaching(options.unit, snap.units);
  const id = options.filter?.unitId;
  if (id != null) {
    const unit = snap.units.find((u) => u.id === id);
    return unit ? unitIdsReaching(unit, snap.units) : [id];
  }
  return options.unitIds?.length ? options.unitIds : null;
}

/** The unit a list is narrowed to, for its title. */
export function listUnit(snap: LedgerSnapshot, options: Pick<TaskListOptions, 'filter' | 'unit'>): Unit | null {
  if (options.unit) return options.unit;
  const id = options.filter?.unitId;
  return id != null ? (snap.units.find((u) => u.id === id) ?? null) : null;
}

/**
 * Rows of the task list after the clerk's filters, ready for a sheet. The one place a list is narrowed
 * to a unit: the unit's own work and that of the collectives that include it (a township gets
 * 各乡镇（街道）'s), for the app, the CLI, the dispatch and the templates alike.
 */
export function taskListRows(
  snap: LedgerSnapshot,
  options: Pick<TaskListOptions, 'filter' | 'unitIds' | 'unit' | 'today' | 'dueSoonDays' | 'shortNames'>,
): GridRow[] {
  const view = buildTaskListView(snap, options.today, options.dueSoonDays);
  const names = new Map(snap.units.map((u) => [u.id, options.shortNames ? u.shortName || u.name : u.name]));
  const rows = toGridRows(view.rows, names);
  let shown = filterGridRows(rows, { ...EMPTY_FILTER, ...options.filter, unitId: null });
  const reach = reachOf(snap, options);
  if (reach) {
    const wanted = new Set(reach);
    const reaches = (r: GridRow) => [...r.node.leadUnitIds, ...r.node.coUnitIds].some((id) => wanted.has(id));
    const kept = shown.filter((r) => r.kind !== 'section' && reaches(r));
    const sections = new Set(kept.map((r) => r.section?.id));
    const keptSet = new Set(kept);
    shown = shown.filter((r) => (r.kind === 'section' ? sections.has(r.node.id) : keptSet.has(r)));
  }
  return shown;
}

/** 2026年6月底前 as written; a bare date in the Chinese form (2026年6月30日), never ISO. */
export function deadlineWords(node: GridRow['node']): string {
  return node.deadline.text || (node.deadline.date ? formatArabicChineseDate(node.deadline.date) : '');
}

function cellValue(column: SheetColumn, row: GridRow, index: number, role: string): string | number {
  const t = row.node;
  switch (column) {
    case '序号':
      return index;
    case '重点任务':
      return row.task ? `${row.task.number}${row.task.title}` : '';
    case '工作内容':
      return row.kind === 'task' ? '' : t.content;
    case '角色':
      return role;
    case '牵头单位':
      return row.leadNames;
    case '配合单位':
      return row.coNames;
    case '完成时限':
      return deadlineWords(t);
    case '状态':
      // Overdue is marked in words so it survives a black-and-white print; on its own line, because the
      // narrow 状态 column would otherwise break 【逾期】推进中 inside the status word.
      return row.warning === 'red' ? `【逾期】\n${t.status}` : t.status;
    case '最新进展':
      return row.latest ? `${row.latest.percent !== null ? `${row.latest.percent}%；` : ''}${row.latest.progress}` : '';
    case '备注':
      return t.notes;
  }
}

/** 截至二〇二六年十二月一日, after the 制表单位 if there is one. */
export function asOfLine(today: string, madeBy?: string): string {
  return [madeBy?.trim() ?? '', `截至${formatChineseDate(today)}`].filter(Boolean).join('　　');
}

/**
 * Adds one appendix-style task list sheet, paginated by us: widths planned to fill A4 landscape at a
 * fixed scale, row heights from the text, a manual break at each planned page end, the 重点任务 cell cut
 * there and its title repeated with （续）, no section banner alone at a page bottom.
 */
export function addTaskListSheet(
  workbook: ExcelJS.Workbook,
  snap: LedgerSnapshot,
  options: TaskListOptions,
  onProgress?: (done: number, total: number) => void,
): TaskListSheet {
  const chosen: TaskListColumn[] = options.columns?.length
    ? options.columns
    : [...TASK_LIST_COLUMNS].filter((c) => c !== '备注' && c !== '最新进展');
  const unit = options.unit ?? null;
  const reach = unit ? new Set(unitIdsReaching(unit, snap.units)) : null;
  // 角色 sits after 工作内容 (or first among the unit columns) on a unit's own list.
  const columns: SheetColumn[] = [...chosen];
  if (reach) {
    const at = columns.indexOf('工作内容');
    columns.splice(at >= 0 ? at + 1 : columns.length, 0, '角色');
  }
  const rows = taskListRows(snap, options);
  const total = rows.filter((x) => x.kind !== 'section').length;

  // ---- widths ----
  const deadlines = rows.filter((r) => r.kind !== 'section').map((r) => deadlineWords(r.node));
  const fixedWidth = (c: SheetColumn): number => {
    const header = widthForText(c, HEADER_FONT.size);
    if (c === '完成时限')
      return Math.max(header, Math.min(DEADLINE_MAX_WIDTH, Math.max(0, ...deadlines.map((d) => widthForText(d)))));
    if (c === '状态') return Math.max(header, widthForText('【逾期】'), widthForText('长期坚持'));
    if (c === '序号') return Math.max(header, widthForText(String(total)));
    return Math.max(header, PLANS[c].width);
  };
  const plans: ColumnPlan[] = columns.map((c) =>
    PLANS[c].flexible
      ? { width: PLANS[c].width, flexible: true, min: PLANS[c].min }
      : { width: fixedWidth(c), flexible: false },
  );
  const { widths, scale } = planColumnWidths(plans);
  const widthOf = (c: SheetColumn) => widths[columns.indexOf(c)] ?? 10;
  const tableWidth = widths.reduce((s, w) => s + w, 0);

  const sheet = workbook.addWorksheet(options.sheetName ?? '重点任务清单');
  sheet.columns = columns.map((c, i) => ({ key: c, width: widths[i] }));
  const lastCol = columns.length;

  // ---- the title block (page 1 only) ----
  const listUnitName = listUnit(snap, options)?.name;
  const title = narrowedTitle(options.title, { unitName: listUnitName, status: options.filter?.status });
  let r = 1;
  let blockHeight = 0;
  if (options.attachmentLabel) {
    const cell = sheet.getCell(r, 1);
    setText(cell, options.attachmentLabel);
    cell.font = { ...HEADER_FONT, size: 14 };
    cell.alignment = { vertical: 'middle' };
    sheet.getRow(r).height = 24;
    blockHeight += 24;
    r += 1;
  }
  sheet.mergeCells(r, 1, r, lastCol);
  const titleCell = sheet.getCell(r, 1);
  setText(titleCell, title);
  titleCell.font = TITLE_FONT;
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const titleHeight = textHeight(title, tableWidth, TITLE_FONT.size, 36);
  sheet.getRow(r).height = titleHeight;
  blockHeight += titleHeight;
  r += 1;
  sheet.mergeCells(r, 1, r, lastCol);
  const line = sheet.getCell(r, 1);
  const asOf = asOfLine(options.today, options.madeBy);
  setText(line, asOf);
  line.font = BODY_FONT;
  line.alignment = { horizontal: 'right', vertical: 'middle', wrapText: true };
  const asOfHeight = textHeight(asOf, tableWidth, BODY_FONT.size, 22);
  sheet.getRow(r).height = asOfHeight;
  blockHeight += asOfHeight;
  r += 1;
  const headerRow = r;
  columns.forEach((c, i) => {
    const cell = sheet.getCell(r, i + 1);
    setText(cell, c);
    cell.font = HEADER_FONT;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
    cell.fill = HEADER_FILL;
  });
  const headerHeight = Math.max(24, ...columns.map((c) => textHeight(c, widthOf(c), HEADER_FONT.size)));
  sheet.getRow(r).height = headerHeight;
  blockHeight += headerHeight;
  r += 1;

  // ---- rows, their heights, the page plan ----
  const taskCol = columns.indexOf('重点任务') + 1;
  const taskTitle = new Map<number, string>();
  let index = 0;
  const planned: (PlannedRow & { values: (string | number)[] | null; text: string; overdue: boolean })[] = [];
  for (const row of rows) {
    if (row.kind === 'section') {
      const text = `${row.node.number}${row.node.title}`;
      planned.push({
        height: textHeight(text, tableWidth, HEADER_FONT.size, 24),
        banner: true,
        values: null,
        text,
        overdue: false,
      });
      continue;
    }
    index += 1;
    const role = reach ? (row.node.leadUnitIds.some((id) => reach.has(id)) ? '牵头' : '配合') : '';
    const values = columns.map((c, k) => {
      const value = cellValue(c, row, index, role);
      return UNIT_COLUMNS.has(c) ? unitNameLines(String(value), widths[k] ?? 10) : value;
    });
    let height = 20;
    values.forEach((v, i) => {
      if (i + 1 === taskCol || v === '') return;
      height = Math.max(height, textHeight(String(v), widths[i] ?? 10));
    });
    const group = taskCol > 0 && row.task ? row.task.id : null;
    if (group !== null && row.task) taskTitle.set(group, `${row.task.number}${row.task.title}`);
    planned.push({ height, group, values, text: '', overdue: row.warning === 'red' });
    if (onProgress && index % 200 === 0) onProgress(index, total);
  }
  const capacity = pageCapacity('landscape', scale);
  const continuedTitle = (group: number, continued: boolean) =>
    `${taskTitle.get(group) ?? ''}${continued ? '（续）' : ''}`;
  const plan = planPages(planned, capacity - blockHeight, capacity - headerHeight, (group, continued) =>
    textHeight(continuedTitle(Number(group), continued), widthOf('重点任务')),
  );

  // ---- write ----
  const looks = bodyLooks();
  const segmentAt = new Map(plan.segments.map((s) => [s.start, s]));
  const firstRow = r;
  planned.forEach((p, i) => {
    const excelRow = sheet.getRow(firstRow + i);
    excelRow.height = plan.heights[i] ?? p.height;
    if (!p.values) {
      sheet.mergeCells(excelRow.number, 1, excelRow.number, lastCol);
      const cell = excelRow.getCell(1);
      setText(cell, p.text);
      cell.style = looks.banner;
      return;
    }
    const values = p.values;
    const suffix = p.overdue ? 'Overdue' : '';
    columns.forEach((c, k) => {
      const cell = excelRow.getCell(k + 1);
      if (k + 1 === taskCol) {
        // The 重点任务 title opens each part of its merged cell, with （续） on a later page.
        const seg = segmentAt.get(i);
        if (p.group == null) setText(cell, values[k]);
        else if (seg) setText(cell, continuedTitle(p.group as number, seg.continued));
      } else setText(cell, values[k]);
      const look: Look = c === '状态' ? (p.overdue ? 'status' : 'centred') : CENTRED.has(c) ? 'centred' : 'left';
      cell.style = looks[`${look}${suffix}`];
    });
  });
  if (taskCol > 0)
    for (const seg of plan.segments)
      if (seg.end > seg.start) sheet.mergeCells(firstRow + seg.start, taskCol, firstRow + seg.end, taskCol);
  for (const after of plan.breaksAfter) sheet.getRow(firstRow + after).addPageBreak();

  setupA4Landscape(sheet, { from: headerRow, to: headerRow }, { scale });
  onProgress?.(total, total);
  return { sheet, items: total, pages: plan.pages };
}

export function buildTaskListWorkbook(
  snap: LedgerSnapshot,
  options: TaskListOptions,
  onProgress?: (done: number, total: number) => void,
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  addTaskListSheet(workbook, snap, options, onProgress);
  return workbook;
}
