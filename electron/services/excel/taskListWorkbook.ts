import ExcelJS from 'exceljs';
import type { LedgerSnapshot, TaskStatus } from '../../../shared/domain';
import { buildTaskListView } from '../taskListView';
import { EMPTY_FILTER, filterGridRows, toGridRows, type GridRow, type TaskFilter } from '../../../shared/taskListRows';
import { setText } from './cellText';
import { BODY_FONT, fitRowHeight, HEADER_FONT, setupA4Landscape, THIN_BORDER, TITLE_FONT, wrappedLines } from './printLayout';

import { TASK_LIST_COLUMN_NAMES as TASK_LIST_COLUMNS } from '../../../shared/channels/exports';

export type TaskListColumn = (typeof TASK_LIST_COLUMNS)[number];

const WIDTHS: Record<TaskListColumn, number> = {
  序号: 6,
  重点任务: 20,
  工作内容: 46,
  牵头单位: 14,
  配合单位: 18,
  完成时限: 14,
  状态: 10,
  最新进展: 30,
  备注: 12,
};

const CENTRED = new Set<TaskListColumn>(['序号', '完成时限', '状态']);

/**
 * The three looks of a body cell, each one object shared by every cell that has it: exceljs gives a
 * style object it has seen before the same style id without serialising it again, which halves the
 * time to write a 5,000-item list. Cells given one of these are never restyled one by one, since
 * that would change every cell sharing the object.
 */
function bodyLooks(): Record<'left' | 'centred' | 'overdue', Partial<ExcelJS.Style>> {
  const look = (horizontal: 'left' | 'center', bold = false): Partial<ExcelJS.Style> => ({
    font: bold ? { ...BODY_FONT, bold: true } : { ...BODY_FONT },
    alignment: { vertical: 'middle', horizontal, wrapText: true },
    border: THIN_BORDER,
  });
  return { left: look('left'), centred: look('center'), overdue: look('center', true) };
}

export interface TaskListOptions {
  title: string;
  /** 附件2 — printed top left, as on an official appendix. */
  attachmentLabel?: string;
  /** 制表单位/日期 line under the title. */
  madeBy?: string;
  columns?: TaskListColumn[];
  filter?: Partial<TaskFilter>;
  /** Work items also shown when any of these units is lead or co (a township sees 各乡镇街道's work). */
  unitIds?: number[];
  today: string;
  dueSoonDays?: number;
  sheetName?: string;
}

function cellValue(column: TaskListColumn, row: GridRow, index: number): string | number {
  const t = row.node;
  switch (column) {
    case '序号':
      return index;
    case '重点任务':
      return row.task ? `${row.task.number}${row.task.title}` : '';
    case '工作内容':
      return row.kind === 'task' ? '' : t.content;
    case '牵头单位':
      return row.leadNames;
    case '配合单位':
      return row.coNames;
    case '完成时限':
      return t.deadline.text || t.deadline.date || '';
    case '状态':
      // Overdue is marked in words so it survives a black-and-white print; on its own line, because the
      // narrow 状态 column would otherwise break 【逾期】推进中 inside the status word.
      return row.warning === 'red' ? `【逾期】\n${t.status}` : (t.status as TaskStatus);
    case '最新进展':
      return row.latest ? `${row.latest.percent !== null ? `${row.latest.percent}%；` : ''}${row.latest.progress}` : '';
    case '备注':
      return t.notes;
  }
}

/** Rows of the task list after the clerk's filters, ready for a sheet. */
export function taskListRows(snap: LedgerSnapshot, options: Pick<TaskListOptions, 'filter' | 'unitIds' | 'today' | 'dueSoonDays'>): GridRow[] {
  const view = buildTaskListView(snap, options.today, options.dueSoonDays);
  const rows = toGridRows(view.rows, new Map(snap.units.map((u) => [u.id, u.name])));
  let shown = filterGridRows(rows, { ...EMPTY_FILTER, ...options.filter });
  if (options.unitIds?.length) {
    const wanted = new Set(options.unitIds);
    const reaches = (r: GridRow) => [...r.node.leadUnitIds, ...r.node.coUnitIds].some((id) => wanted.has(id));
    const kept = shown.filter((r) => r.kind !== 'section' && reaches(r));
    const sections = new Set(kept.map((r) => r.section?.id));
    const keptSet = new Set(kept);
    shown = shown.filter((r) => (r.kind === 'section' ? sections.has(r.node.id) : keptSet.has(r)));
  }
  return shown;
}

/** Adds one appendix-style task list sheet; returns how many work items it holds. */
export function addTaskListSheet(workbook: ExcelJS.Workbook, snap: LedgerSnapshot, options: TaskListOptions, onProgress?: (done: number, total: number) => void): number {
  const columns = options.columns?.length ? options.columns : [...TASK_LIST_COLUMNS].filter((c) => c !== '备注' && c !== '最新进展');
  const widths = columns.map((c) => WIDTHS[c]);
  const sheet = workbook.addWorksheet(options.sheetName ?? '重点任务清单');
  sheet.columns = columns.map((c, i) => ({ key: c, width: widths[i] }));
  const lastCol = columns.length;
  let r = 1;
  if (options.attachmentLabel) {
    const cell = sheet.getCell(r, 1);
    setText(cell, options.attachmentLabel);
    cell.font = { ...HEADER_FONT, size: 14 };
    r += 1;
  }
  sheet.mergeCells(r, 1, r, lastCol);
  const title = sheet.getCell(r, 1);
  setText(title, options.title);
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(r).height = 36;
  r += 1;
  if (options.madeBy) {
    sheet.mergeCells(r, 1, r, lastCol);
    const line = sheet.getCell(r, 1);
    setText(line, options.madeBy);
    line.font = BODY_FONT;
    line.alignment = { horizontal: 'right' };
    r += 1;
  }
  const headerRow = r;
  columns.forEach((c, i) => {
    const cell = sheet.getCell(r, i + 1);
    setText(cell, c);
    cell.font = HEADER_FONT;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  sheet.getRow(r).height = 24;
  r += 1;

  const looks = bodyLooks();
  const rows = taskListRows(snap, options);
  const total = rows.filter((x) => x.kind !== 'section').length;
  const taskCol = columns.indexOf('重点任务') + 1;
  let index = 0;
  let taskStart: { row: number; taskId: number | null } | null = null;
  const closeTaskSpan = (endRow: number) => {
    if (taskCol > 0 && taskStart && endRow > taskStart.row) {
      sheet.mergeCells(taskStart.row, taskCol, endRow, taskCol);
      // The merged 重点任务 text must fit across its rows, or the last row grows.
      const text = String(sheet.getCell(taskStart.row, taskCol).value ?? '');
      const need = wrappedLines(text, WIDTHS['重点任务']) * 15.5 + 6;
      let have = 0;
      for (let k = taskStart.row; k <= endRow; k++) have += sheet.getRow(k).height ?? 20;
      if (have < need) sheet.getRow(endRow).height = (sheet.getRow(endRow).height ?? 20) + (need - have);
    }
    taskStart = null;
  };
  for (const row of rows) {
    if (row.kind === 'section') {
      closeTaskSpan(r - 1);
      sheet.mergeCells(r, 1, r, lastCol);
      const cell = sheet.getCell(r, 1);
      setText(cell, `${row.node.number}${row.node.title}`);
      cell.font = { ...HEADER_FONT, size: 12 };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = THIN_BORDER;
      sheet.getRow(r).height = 24;
      r += 1;
      continue;
    }
    index += 1;
    const excelRow = sheet.getRow(r);
    columns.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1);
      if (c !== '重点任务' || !taskStart || taskStart.taskId !== (row.task?.id ?? null)) setText(cell, cellValue(c, row, index));
      cell.style = c === '状态' && row.warning === 'red' ? looks.overdue : CENTRED.has(c) ? looks.centred : looks.left;
    });
    fitRowHeight(excelRow, widths.map((w, i) => (i + 1 === taskCol ? 999 : w)));
    if (!taskStart || taskStart.taskId !== (row.task?.id ?? null)) {
      closeTaskSpan(r - 1);
      taskStart = { row: r, taskId: row.task?.id ?? null };
    }
    r += 1;
    if (onProgress && index % 200 === 0) onProgress(index, total);
  }
  closeTaskSpan(r - 1);
  setupA4Landscape(sheet, { from: headerRow, to: headerRow });
  onProgress?.(total, total);
  return total;
}

export function buildTaskListWorkbook(snap: LedgerSnapshot, options: TaskListOptions, onProgress?: (done: number, total: number) => void): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  addTaskListSheet(workbook, snap, options, onProgress);
  return workbook;
}
