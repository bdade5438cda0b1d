// What a 填报模板 was exported with, kept in a very hidden sheet of the template itself, so that the
// returned file can be told apart: a row sent back exactly as exported is not a report, a locked cell
// retyped by the township is seen, and a template exported for another round is noticed. Keyed by 任务ID,
// not by row, because townships sort, insert and delete rows.
import type { TaskStatus } from '../../../shared/domain';

/** The sheet's name; readers recognise the record by it and never show it as a sheet of the return. */
export const TEMPLATE_RECORD_SHEET = '督办台账模板记录';
const MARK = '督办台账填报模板';
const VERSION = 1;

export interface TemplateRowRecord {
  taskId: number;
  /** The locked columns as exported. */
  content: string;
  units: string;
  deadline: string;
  /** The fill-in columns as exported (the reports that existed then). */
  progress: string;
  percent: number | null;
  status: TaskStatus | null;
  problems: string;
  nextSteps: string;
}

export interface TemplateRecord {
  roundId: number;
  roundName: string;
  unitId: number;
  unitName: string;
  exportedAt: string;
  rows: Map<number, TemplateRowRecord>;
}

const ROW_FIELDS = [
  'taskId',
  'content',
  'units',
  'deadline',
  'progress',
  'percent',
  'status',
  'problems',
  'nextSteps',
] as const;

/** The record as rows of cells: a header block, then one row per work item. */
export function templateRecordRows(
  record: Omit<TemplateRecord, 'rows'> & { rows: TemplateRowRecord[] },
): (string | number | null)[][] {
  return [
    [MARK, VERSION],
    ['roundId', record.roundId, 'roundName', record.roundName],
    ['unitId', record.unitId, 'unitName', record.unitName],
    ['exportedAt', record.exportedAt],
    [...ROW_FIELDS],
    ...record.rows.map((r) => ROW_FIELDS.map((f) => r[f] ?? null)),
  ];
}

/** A cell as either reader gives it (string, number, Date or empty). */
type Cell = unknown;

const str = (v: Cell) =>
  v instanceof Date
    ? v.toISOString().slice(0, 10)
    : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : '';
const num = (v: Cell) => (typeof v === 'number' ? v : /^\d+(\.\d+)?$/.test(str(v)) ? Number(str(v)) : null);

/** Reads a record back; null for anything that is not one of ours (a township's own hidden sheet). */
export function readTemplateRecord(rows: readonly (readonly Cell[])[]): TemplateRecord | null {
  if (str(rows[0]?.[0]) !== MARK) return null;
  const roundId = num(rows[1]?.[1]);
  const unitId = num(rows[2]?.[1]);
  if (roundId === null || unitId === null) return null;
  const header = (rows[4] ?? []).map(str);
  const at = Object.fromEntries(ROW_FIELDS.map((f) => [f, header.indexOf(f)])) as Record<
    (typeof ROW_FIELDS)[number],
    number
  >;
  if (at.taskId < 0) return null;
  const out = new Map<number, TemplateRowRecord>();
  for (const row of rows.slice(5)) {
    const taskId = num(row[at.taskId]);
    if (taskId === null) continue;
    const cell = (f: (typeof ROW_FIELDS)[number]) => (at[f] < 0 ? null : (row[at[f]] ?? null));
    out.set(taskId, {
      taskId,
      content: str(cell('content')),
      units: str(cell('units')),
      deadline: str(cell('deadline')),
      progress: str(cell('progress')),
      percent: num(cell('percent')),
      status: (str(cell('status')) || null) as TaskStatus | null,
      problems: str(cell('problems')),
      nextSteps: str(cell('nextSteps')),
    });
  }
  return {
    roundId,
    roundName: str(rows[1]?.[3]),
    unitId,
    unitName: str(rows[2]?.[3]),
    exportedAt: str(rows[3]?.[1]),
    rows: out,
  };
}
