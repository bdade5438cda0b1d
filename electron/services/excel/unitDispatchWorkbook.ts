// 按单位分发: each unit's own work (as lead, co-unit or through a collective) on a sheet of its own.
import ExcelJS from 'exceljs';
import type { LedgerSnapshot, Unit } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { numberPagesPerSheet } from './printLayout';
import { addTaskListSheet, taskListRows, type TaskListOptions, type TaskListSheet } from './taskListWorkbook';

export type DispatchOptions = Omit<TaskListOptions, 'title' | 'unit' | 'unitIds' | 'sheetName'> & { title?: string };

/** A sheet name Excel accepts, unique in the workbook. */
function sheetNameFor(workbook: ExcelJS.Workbook, unit: Unit): string {
  const base = unit.name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_');
  let name = base;
  for (let k = 2; workbook.worksheets.some((s) => s.name === name); k++) name = `${base.slice(0, 28)}(${k})`;
  return name;
}

/**
 * 按单位分发: one unit's work (as lead, co-unit or through a collective) on its own sheet, titled with the
 * plan and the unit, with a 角色 column saying whether the unit leads or co-operates on each item.
 */
export function addUnitSheet(
  workbook: ExcelJS.Workbook,
  snap: LedgerSnapshot,
  unit: Unit,
  base: DispatchOptions,
): TaskListSheet {
  return addTaskListSheet(workbook, snap, {
    ...base,
    title: base.title ?? '重点任务清单',
    unit,
    sheetName: sheetNameFor(workbook, unit),
  });
}

/** How many work items reach a unit with these options (0: it gets no sheet). */
export function workItemsFor(snap: LedgerSnapshot, unit: Unit, base: DispatchOptions): number {
  return taskListRows(snap, { ...base, unit }).filter((r) => r.kind !== 'section').length;
}

/** Units of `units` with nothing to receive under these options, by name. */
export function unitsWithoutWork(snap: LedgerSnapshot, units: Unit[], base: DispatchOptions): Unit[] {
  return units.filter((u) => workItemsFor(snap, u, base) === 0);
}

/**
 * One sheet per unit that has work; a unit with none gets no empty sheet (the caller tells the clerk
 * which, see unitsWithoutWork). Each sheet numbers its pages from 第 1 页.
 */
export function buildUnitDispatchWorkbook(
  snap: LedgerSnapshot,
  units: Unit[],
  base: DispatchOptions,
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  const empty = new Set(unitsWithoutWork(snap, units, base).map((u) => u.id));
  const withWork = units.filter((u) => !empty.has(u.id));
  if (withWork.length === 0)
    throw new DomainError(
      'dispatch_empty',
      `所选单位在所选范围内都没有承担的工作内容（${units.map((u) => u.name).join('、')}），未生成分发表。`,
    );
  for (const unit of withWork) addUnitSheet(workbook, snap, unit, base);
  numberPagesPerSheet(workbook);
  return workbook;
}
