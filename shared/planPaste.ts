// A block copied from Excel/WPS, turned into a plan the clerk previews before anything is written:
// new work items (with merged-cell blanks filled down) or cells overwritten from the focused cell.
import Papa from 'papaparse';
import { TASK_STATUSES, type TaskNode, type Unit } from './domain';
import { namesOf } from './unitNames';

export type PasteField = 'number' | 'task' | 'content' | 'lead' | 'co' | 'units' | 'deadline' | 'status' | 'notes';

export const PASTE_FIELD_LABELS: Record<PasteField, string> = {
  number: '序号',
  task: '重点任务',
  content: '工作内容',
  lead: '牵头单位',
  co: '配合单位',
  units: '责任单位',
  deadline: '完成时限',
  status: '状态',
  notes: '备注',
};

const HEADER_WORDS: [RegExp, PasteField][] = [
  [/^(序号|编号)$/, 'number'],
  [/^(重点任务|任务|主要任务)$/, 'task'],
  [/^(工作内容|任务内容|工作任务|具体内容|工作措施)$/, 'content'],
  [/^(牵头单位|牵头部门)$/, 'lead'],
  [/^(配合单位|配合部门|协同单位)$/, 'co'],
  [/^(责任单位|责任部门|责任科室)$/, 'units'],
  [/^(完成时限|时限要求|完成时间|计划完成时间|时间节点)$/, 'deadline'],
  [/^(状态|进展状态|完成状态)$/, 'status'],
  [/^(备注)$/, 'notes'],
];

/** Without a header row, columns are read in the order of the appendix table. */
export const DEFAULT_NEW_ROW_FIELDS: PasteField[] = ['content', 'lead', 'co', 'deadline', 'status', 'notes'];

/** Excel puts cells with line breaks or tabs in quotes; Papa Parse reads that quoting. */
export function parseClipboardBlock(text: string): string[][] {
  const trimmed = text.replace(/\r?\n$/, '');
  if (!trimmed.trim()) return [];
  const result = Papa.parse<string[]>(trimmed, {
    delimiter: '\t',
    newline: trimmed.includes('\r\n') ? '\r\n' : '\n',
    quoteChar: '"',
  });
  return result.data.map((row) => row.map((c) => (c ?? '').trim())).filter((row) => row.some((c) => c !== ''));
}

export function detectHeader(row: string[]): PasteField[] | null {
  const fields = row.map((cell) => HEADER_WORDS.find(([re]) => re.test(cell.replace(/\s+/g, '')))?.[1]);
  const known = fields.filter(Boolean).length;
  return known >= 2 && known >= row.filter(Boolean).length / 2 ? (fields as PasteField[]) : null;
}

export function splitUnitNames(text: string): string[] {
  return text
    .split(/[、，,；;/\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Resolves names written any way the ledger knows (名称、简称、别名); unknown names are reported. */
export function resolveUnits(text: string, units: Unit[]): { ids: number[]; unknown: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const name of splitUnitNames(text)) {
    const unit = units.find((u) => namesOf(u).includes(name));
    if (unit) ids.push(unit.id);
    else unknown.push(name);
  }
  return { ids, unknown };
}

export interface NewItemPlan {
  row: number;
  /** An existing 重点任务 to add under, or the title of one to create in the current section. */
  task: { id: number } | { title: string; number: string };
  fields: {
    number?: string;
    content: string;
    leadUnitIds: number[];
    coUnitIds: number[];
    deadlineText?: string;
    status?: string;
    notes?: string;
  };
}

export interface PastePlanProblem {
  row: number;
  message: string;
}

export interface NewRowsPlan {
  fields: PasteField[];
  hasHeader: boolean;
  creates: NewItemPlan[];
  problems: PastePlanProblem[];
}

const TASK_LABEL = /^((?:[一二三四五六七八九十]+、)|(?:（[一二三四五六七八九十]+）)|(?:\d+[.．、]))/;

/**
 * New work items from the block. A blank 重点任务 cell means "same as above" (a merged cell in the
 * source); a 重点任务 matching one in the current section reuses it, otherwise it is created there.
 */
export function planNewRows(
  rows: string[][],
  ctx: { units: Unit[]; currentTask: TaskNode | null; sectionTasks: TaskNode[] },
): NewRowsPlan {
  const header = rows[0] ? detectHeader(rows[0]) : null;
  const fields = header ?? DEFAULT_NEW_ROW_FIELDS;
  const body = header ? rows.slice(1) : rows;
  const creates: NewItemPlan[] = [];
  const problems: PastePlanProblem[] = [];
  let taskAbove: NewItemPlan['task'] | null = ctx.currentTask ? { id: ctx.currentTask.id } : null;
  body.forEach((cells, i) => {
    const row = i + 1 + (header ? 1 : 0);
    const get = (f: PasteField) => {
      const at = fields.indexOf(f);
      return at >= 0 ? (cells[at] ?? '') : '';
    };
    const taskText = get('task');
    if (taskText) {
      const label = TASK_LABEL.exec(taskText)?.[1] ?? '';
      const title = taskText.slice(label.length).trim();
      const existing = ctx.sectionTasks.find((t) => t.title === title || `${t.number}${t.title}` === taskText);
      taskAbove = existing ? { id: existing.id } : { title, number: label };
    }
    const content = get('content');
    if (!content) {
      problems.push({ row, message: `第 ${row} 行没有工作内容，已跳过。` });
      return;
    }
    if (!taskAbove) {
      problems.push({
        row,
        message: `第 ${row} 行不知道属于哪个重点任务：请先在清单中点选一行，或在粘贴内容中带上“重点任务”列。`,
      });
      return;
    }
    const lead = resolveUnits(get('lead'), ctx.units);
    const co = resolveUnits(get('co'), ctx.units);
    const combined = resolveUnits(get('units'), ctx.units);
    const unknown = [...lead.unknown, ...co.unknown, ...combined.unknown];
    if (unknown.length) {
      problems.push({
        row,
        message: `第 ${row} 行的单位“${unknown.join('、')}”不在责任单位名单中：请先在“责任单位”中新增或补充别名。`,
      });
      return;
    }
    const status = get('status');
    if (status && !(TASK_STATUSES as readonly string[]).includes(status)) {
      problems.push({ row, message: `第 ${row} 行的状态“${status}”无法识别：应为 ${TASK_STATUSES.join('、')} 之一。` });
      return;
    }
    // 责任单位 written together: the first listed leads, as in the appendix tables.
    const leadUnitIds = lead.ids.length ? lead.ids : combined.ids.slice(0, 1);
    const coUnitIds = co.ids.length ? co.ids : combined.ids.slice(1);
    if (leadUnitIds.length === 0) {
      problems.push({ row, message: `第 ${row} 行没有牵头单位，已跳过。` });
      return;
    }
    creates.push({
      row,
      task: taskAbove,
      fields: {
        ...(get('number') ? { number: get('number') } : {}),
        content,
        leadUnitIds,
        coUnitIds,
        ...(get('deadline') ? { deadlineText: get('deadline') } : {}),
        ...(get('status') ? { status: get('status') } : {}),
        ...(get('notes') ? { notes: get('notes') } : {}),
      },
    });
  });
  return { fields, hasHeader: Boolean(header), creates, problems };
}

/** Grid columns a pasted block may overwrite, in the grid's order. */
export const OVERWRITABLE_COLUMNS = ['number', 'content', 'lead', 'co', 'deadline', 'status', 'notes'] as const;
export type OverwriteColumn = (typeof OVERWRITABLE_COLUMNS)[number];
const COLUMN_PATCH_KEY: Record<OverwriteColumn, string> = {
  number: 'number',
  content: 'content',
  lead: 'leadUnitIds',
  co: 'coUnitIds',
  deadline: 'deadlineText',
  status: 'status',
  notes: 'notes',
};

export interface OverwriteTarget {
  id: number;
  /** What the cells show now, by column. */
  shown: Record<OverwriteColumn, string>;
}

export interface CellChange {
  row: number;
  id: number;
  column: OverwriteColumn;
  before: string;
  after: string;
}

export interface OverwritePlan {
  changes: CellChange[];
  updates: { id: number; patch: Record<string, unknown> }[];
  problems: PastePlanProblem[];
}

/**
 * Excel's paste onto a selection: the block's top-left lands on the focused cell and fills rightwards
 * through the shown columns and downwards through the shown work items. Cells whose text is unchanged
 * are left alone; a block wider or longer than what is shown is reported, not wrapped.
 */
export function planOverwrite(
  rows: string[][],
  targets: OverwriteTarget[],
  columns: OverwriteColumn[],
  units: Unit[],
): OverwritePlan {
  const changes: CellChange[] = [];
  const problems: PastePlanProblem[] = [];
  const patches = new Map<number, Record<string, unknown>>();
  rows.forEach((cells, r) => {
    const target = targets[r];
    if (!target) {
      problems.push({ row: r + 1, message: `第 ${r + 1} 行超出了清单中显示的工作内容，未粘贴。` });
      return;
    }
    cells.forEach((text, c) => {
      const column = columns[c];
      if (!column) {
        if (text) problems.push({ row: r + 1, message: `第 ${r + 1} 行第 ${c + 1} 列超出了可粘贴的列，未粘贴。` });
        return;
      }
      if (text === target.shown[column]) return;
      let value: unknown = text;
      if (column === 'lead' || column === 'co') {
        const { ids, unknown } = resolveUnits(text, units);
        if (unknown.length) {
          problems.push({
            row: r + 1,
            message: `第 ${r + 1} 行的单位“${unknown.join('、')}”不在责任单位名单中，这一格未粘贴。`,
          });
          return;
        }
        value = ids;
      }
      if (column === 'status' && !(TASK_STATUSES as readonly string[]).includes(text)) {
        problems.push({ row: r + 1, message: `第 ${r + 1} 行的状态“${text}”无法识别，这一格未粘贴。` });
        return;
      }
      changes.push({ row: r + 1, id: target.id, column, before: target.shown[column], after: text });
      patches.set(target.id, { ...(patches.get(target.id) ?? {}), [COLUMN_PATCH_KEY[column]]: value });
    });
  });
  return { changes, updates: [...patches].map(([id, patch]) => ({ id, patch })), problems };
}
