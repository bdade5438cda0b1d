// A block copied from Excel/WPS, turned into a plan the clerk previews before anything is written:
// new work items (with merged-cell blanks filled down) or cells overwritten from the focused cell.
import Papa from 'papaparse';
import { TASK_STATUSES, type TaskNode, type Unit } from '@shared/domain';
import { namesOf } from '@shared/unitNames';
import { TASK_TEXT_LIMITS, type TaskTextField } from '@shared/textLimits';
import { findHeader, type PasteField } from './pasteHeader';

/** Texts with a length limit, so a long cell is refused on its own row instead of failing the whole paste. */
const LIMITED: Partial<Record<PasteField, [TaskTextField, string]>> = {
  task: ['title', '重点任务'],
  number: ['number', '序号'],
  content: ['content', '工作内容'],
  deadline: ['deadlineText', '完成时限'],
  notes: ['notes', '备注'],
};

/** Why a pasted cell is too long to keep, or null; never cut, as the clerk may not notice what was lost. */
function overLimit(row: number, field: PasteField, text: string): string | null {
  const limited = LIMITED[field];
  if (!limited) return null;
  const [key, label] = limited;
  const length = [...text].length;
  const max = TASK_TEXT_LIMITS[key];
  return length > max
    ? `第 ${row} 行的${label}太长（${length} 个字，最多 ${max} 个字），未粘贴：请删减后再复制粘贴。`
    : null;
}

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
  /** Columns whose blank cell took the value above it (a merged cell in the source), shown in the preview. */
  filledDown: PasteField[];
}

export type ProblemKind =
  'unknownUnit' | 'noContent' | 'noTask' | 'noLead' | 'badStatus' | 'tooLong' | 'outsideRows' | 'outsideColumns';

export interface PastePlanProblem {
  row: number;
  kind: ProblemKind;
  message: string;
  /** The names the ledger does not know, for unknownUnit: the group says which units to add. */
  names?: string[];
}

/** What the clerk reads above each group of warnings, in the order she should deal with them. */
export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  unknownUnit: '单位不在责任单位名单中',
  noContent: '没有工作内容',
  noTask: '不知道属于哪个重点任务',
  noLead: '没有牵头单位',
  badStatus: '状态无法识别',
  tooLong: '文字太长',
  outsideRows: '超出显示的工作内容',
  outsideColumns: '超出可粘贴的列',
};

export interface ProblemGroup {
  kind: ProblemKind;
  label: string;
  problems: PastePlanProblem[];
  /** Distinct unknown unit names across the group, in the order first met. */
  names: string[];
}

/** Hundreds of warnings read as one wall of red; grouped by kind the clerk sees what to fix first. */
export function groupProblems(problems: PastePlanProblem[]): ProblemGroup[] {
  return (Object.keys(PROBLEM_LABELS) as ProblemKind[]).flatMap((kind) => {
    const ofKind = problems.filter((p) => p.kind === kind);
    const names = [...new Set(ofKind.flatMap((p) => p.names ?? []))];
    return ofKind.length ? [{ kind, label: PROBLEM_LABELS[kind], problems: ofKind, names }] : [];
  });
}

export interface NewRowsPlan {
  fields: (PasteField | undefined)[];
  hasHeader: boolean;
  /** The header's first row, 1-based as the clerk counts the pasted rows; 0 without a header. */
  headerRow: number;
  creates: NewItemPlan[];
  problems: PastePlanProblem[];
}

const TASK_LABEL = /^((?:[一二三四五六七八九十]+、)|(?:（[一二三四五六七八九十]+）)|(?:\d+[.．、]))/;
/** A 序号 cell: 1, 1., 2、, （三）. */
const ITEM_NUMBER = /^(?:\d{1,4}[.．、]?|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、)$/;

/** Merged cells in the appendix tables: Excel copies the value into the first row and blanks below it. */
const MERGED_FIELDS: PasteField[] = ['task', 'lead', 'units'];

/** Without a header, a first column of nothing but 序号 is the number column, and the appendix order follows. */
function fieldsWithoutHeader(rows: string[][]): PasteField[] {
  const first = rows.map((r) => r[0] ?? '').filter(Boolean);
  const numbered = first.length > 0 && first.every((c) => ITEM_NUMBER.test(c)) && rows.some((r) => r.length > 1);
  return numbered ? ['number', ...DEFAULT_NEW_ROW_FIELDS] : DEFAULT_NEW_ROW_FIELDS;
}

/**
 * New work items from the block. A header (in any of the first rows, under a title) maps the columns and
 * is never taken as data. A blank 重点任务, 牵头单位 or 责任单位 cell means "same as above" (a merged
 * cell in the source); a 重点任务 matching one in the current section reuses it, otherwise it is created.
 */
export function planNewRows(
  rows: string[][],
  ctx: { units: Unit[]; currentTask: TaskNode | null; sectionTasks: TaskNode[] },
): NewRowsPlan {
  const header = findHeader(rows);
  const fields = header?.fields ?? fieldsWithoutHeader(rows);
  const firstBodyRow = header ? header.at + header.height : 0;
  const creates: NewItemPlan[] = [];
  const problems: PastePlanProblem[] = [];
  const problem = (row: number, kind: ProblemKind, message: string, names?: string[]): void => {
    problems.push({ row, kind, message, ...(names ? { names } : {}) });
  };
  let taskAbove: NewItemPlan['task'] | null = ctx.currentTask ? { id: ctx.currentTask.id } : null;
  const above = new Map<PasteField, string>();
  rows.slice(firstBodyRow).forEach((cells, i) => {
    const row = firstBodyRow + i + 1;
    const filledDown: PasteField[] = [];
    const get = (f: PasteField) => {
      const at = fields.indexOf(f);
      if (at < 0) return '';
      const text = cells[at] ?? '';
      if (!MERGED_FIELDS.includes(f)) return text;
      if (text) above.set(f, text);
      else if (above.has(f)) filledDown.push(f);
      return text || (above.get(f) ?? '');
    };
    const taskCell = cells[fields.indexOf('task')] ?? '';
    const taskText = get('task');
    if (taskCell) {
      const label = TASK_LABEL.exec(taskText)?.[1] ?? '';
      const title = taskText.slice(label.length).trim();
      const existing = ctx.sectionTasks.find((t) => t.title === title || `${t.number}${t.title}` === taskText);
      taskAbove = existing ? { id: existing.id } : { title, number: label };
    }
    const content = get('content');
    if (!content) return problem(row, 'noContent', `第 ${row} 行没有工作内容，已跳过。`);
    if (!taskAbove) {
      return problem(
        row,
        'noTask',
        `第 ${row} 行不知道属于哪个重点任务：请先在清单中点选一行，或在粘贴内容中带上“重点任务”列。`,
      );
    }
    const lead = resolveUnits(get('lead'), ctx.units);
    const co = resolveUnits(get('co'), ctx.units);
    const combined = resolveUnits(get('units'), ctx.units);
    const unknown = [...lead.unknown, ...co.unknown, ...combined.unknown];
    if (unknown.length) {
      return problem(
        row,
        'unknownUnit',
        `第 ${row} 行的单位“${unknown.join('、')}”不在责任单位名单中：请先在“责任单位”中新增或补充别名。`,
        unknown,
      );
    }
    const task = taskAbove;
    const newTitle = 'title' in task ? task.title : '';
    const tooLong = (['number', 'content', 'deadline', 'notes'] as const)
      .map((f) => overLimit(row, f, get(f)))
      .concat(overLimit(row, 'task', newTitle))
      .find(Boolean);
    if (tooLong) return problem(row, 'tooLong', tooLong);
    const status = get('status');
    if (status && !(TASK_STATUSES as readonly string[]).includes(status)) {
      return problem(
        row,
        'badStatus',
        `第 ${row} 行的状态“${status}”无法识别：应为 ${TASK_STATUSES.join('、')} 之一。`,
      );
    }
    // 责任单位 written together: the first listed leads, as in the appendix tables.
    const leadUnitIds = lead.ids.length ? lead.ids : combined.ids.slice(0, 1);
    const coUnitIds = (co.ids.length ? co.ids : lead.ids.length ? combined.ids : combined.ids.slice(1)).filter(
      (id) => !leadUnitIds.includes(id),
    );
    if (leadUnitIds.length === 0) return problem(row, 'noLead', `第 ${row} 行没有牵头单位，已跳过。`);
    creates.push({
      row,
      task: taskAbove,
      fields: {
        ...(get('number') ? { number: get('number') } : {}),
        content,
        leadUnitIds,
        coUnitIds,
        ...(get('deadline') ? { deadlineText: get('deadline') } : {}),
        ...(status ? { status } : {}),
        ...(get('notes') ? { notes: get('notes') } : {}),
      },
      filledDown,
    });
  });
  return { fields, hasHeader: Boolean(header), headerRow: header ? header.at + 1 : 0, creates, problems };
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
      problems.push({ row: r + 1, kind: 'outsideRows', message: `第 ${r + 1} 行超出了清单中显示的工作内容，未粘贴。` });
      return;
    }
    cells.forEach((text, c) => {
      const column = columns[c];
      if (!column) {
        if (text)
          problems.push({
            row: r + 1,
            kind: 'outsideColumns',
            message: `第 ${r + 1} 行第 ${c + 1} 列超出了可粘贴的列，未粘贴。`,
          });
        return;
      }
      if (text === target.shown[column]) return;
      const tooLong = overLimit(r + 1, column, text);
      if (tooLong) {
        problems.push({ row: r + 1, kind: 'tooLong', message: tooLong.replace('未粘贴', '这一格未粘贴') });
        return;
      }
      let value: unknown = text;
      if (column === 'lead' || column === 'co') {
        const { ids, unknown } = resolveUnits(text, units);
        if (unknown.length) {
          problems.push({
            row: r + 1,
            kind: 'unknownUnit',
            message: `第 ${r + 1} 行的单位“${unknown.join('、')}”不在责任单位名单中，这一格未粘贴。`,
            names: unknown,
          });
          return;
        }
        value = ids;
      }
      if (column === 'status' && !(TASK_STATUSES as readonly string[]).includes(text)) {
        problems.push({
          row: r + 1,
          kind: 'badStatus',
          message: `第 ${r + 1} 行的状态“${text}”无法识别，这一格未粘贴。`,
        });
        return;
      }
      changes.push({ row: r + 1, id: target.id, column, before: target.shown[column], after: text });
      patches.set(target.id, { ...(patches.get(target.id) ?? {}), [COLUMN_PATCH_KEY[column]]: value });
    });
  });
  return { changes, updates: [...patches].map(([id, patch]) => ({ id, patch })), problems };
}

/** Where an overwrite would land: the shown editable columns right of the focused cell and the items below it. */
export interface OverwriteRoom {
  columns: readonly OverwriteColumn[];
  targets: readonly OverwriteTarget[];
}

/**
 * Ctrl+V on a cell overwrites, as in Excel, only when nothing can land in the wrong place: no header row
 * (it would write 序号 or 工作内容 into cells) and a block that fits what is shown. Otherwise it adds.
 */
export function pasteModeFor(rows: string[][], room: OverwriteRoom | null): { overwrite: boolean; reason: string } {
  const refuse = (reason: string) => ({ overwrite: false, reason: `${reason}不覆盖单元格。` });
  if (!room) return { overwrite: false, reason: '覆盖前请先在清单中点选要开始覆盖的单元格，再按 Ctrl+V。' };
  const header = findHeader(rows);
  if (header) return refuse(`粘贴内容第 ${header.at + 1} 行是表头，只能按表头新增，`);
  const width = Math.max(0, ...rows.map((r) => r.findLastIndex(Boolean) + 1));
  if (width > room.columns.length)
    return refuse(`粘贴内容有 ${width} 列，从选中的单元格向右只有 ${room.columns.length} 列可以修改，`);
  if (rows.length > room.targets.length)
    return refuse(`粘贴内容有 ${rows.length} 行，从选中的单元格向下只有 ${room.targets.length} 项工作内容，`);
  return { overwrite: true, reason: '' };
}
