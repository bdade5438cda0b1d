import ExcelJS from 'exceljs';
import type { LedgerSnapshot, Unit } from '../../../shared/domain';
import { unitIdsReaching } from '../../../shared/collectives';
import { addTaskListSheet, type TaskListOptions } from './taskListWorkbook';

/** 按单位分发: each unit's work (as lead, co-unit or through a collective) on its own sheet or workbook. */
export function addUnitSheet(workbook: ExcelJS.Workbook, snap: LedgerSnapshot, unit: Unit, base: Omit<TaskListOptions, 'title'> & { title?: string }): number {
  return addTaskListSheet(workbook, snap, {
    ...base,
    title: `${base.title ?? '重点任务清单'}（${unit.name}）`,
    unitIds: unitIdsReaching(unit, snap.units),
    sheetName: unit.name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'),
  });
}

export function buildUnitDispatchWorkbook(snap: LedgerSnapshot, units: Unit[], base: Omit<TaskListOptions, 'title'> & { title?: string }): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  for (const unit of units) addUnitSheet(workbook, snap, unit, base);
  return workbook;
}
