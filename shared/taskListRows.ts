// Pure shaping of the task list for the grid: the appendix layout (section banner rows, work items with
// their 重点任务 beside them) and the filters a clerk uses before a meeting.
import type { TaskRow } from './channels/tasks';
import type { TaskNode, TaskStatus } from './domain';
import type { WarningLevel } from './warningLevel';

export interface GridRow {
  key: string;
  /** section = banner row; item = a work item; task = a 重点任务 that has no work items yet. */
  kind: 'section' | 'task' | 'item';
  node: TaskNode;
  /** The 重点任务 this row belongs to (itself for kind 'task'). */
  task: TaskNode | null;
  section: TaskNode | null;
  warning: WarningLevel;
  latest: TaskRow['latest'];
  leadNames: string;
  coNames: string;
}

export interface TaskFilter {
  unitId: number | null;
  documentId: number | null;
  status: TaskStatus | '' | '逾期';
  warning: WarningLevel | '';
  deadlineFrom: string;
  deadlineTo: string;
  text: string;
}

export const EMPTY_FILTER: TaskFilter = {
  unitId: null,
  documentId: null,
  status: '',
  warning: '',
  deadlineFrom: '',
  deadlineTo: '',
  text: '',
};

/** Unit names are resolved here, so a grid row changes (and is redrawn) when a unit is renamed. */
export function toGridRows(rows: TaskRow[], unitName: Map<number, string>): GridRow[] {
  const byId = new Map(rows.map((r) => [r.task.id, r.task]));
  const names = (ids: number[]) => ids.map((id) => unitName.get(id) ?? '').join('、');
  const hasChildren = new Set(rows.map((r) => r.task.parentId).filter((id): id is number => id !== null));
  const out: GridRow[] = [];
  for (const r of rows) {
    const t = r.task;
    const parent = t.parentId !== null ? (byId.get(t.parentId) ?? null) : null;
    const common = {
      node: t,
      warning: r.warning,
      latest: r.latest,
      leadNames: names(t.leadUnitIds),
      coNames: names(t.coUnitIds),
    };
    if (t.level === 'section') {
      out.push({ ...common, key: `s${t.id}`, kind: 'section', task: null, section: t });
    } else if (t.level === 'task') {
      if (!hasChildren.has(t.id)) out.push({ ...common, key: `t${t.id}`, kind: 'task', task: t, section: parent });
    } else {
      const section = parent?.parentId != null ? (byId.get(parent.parentId) ?? null) : null;
      out.push({ ...common, key: `i${t.id}`, kind: 'item', task: parent, section });
    }
  }
  return out;
}

export function isFilterActive(f: TaskFilter): boolean {
  return Boolean(
    f.unitId !== null ||
    f.documentId !== null ||
    f.status ||
    f.warning ||
    f.deadlineFrom ||
    f.deadlineTo ||
    f.text.trim(),
  );
}

function matches(row: GridRow, f: TaskFilter): boolean {
  const t = row.node;
  if (f.unitId !== null && !t.leadUnitIds.includes(f.unitId) && !t.coUnitIds.includes(f.unitId)) return false;
  if (f.documentId !== null && t.documentId !== f.documentId) return false;
  if (f.status === '逾期' ? row.warning !== 'red' : f.status && t.status !== f.status) return false;
  if (f.warning && row.warning !== f.warning) return false;
  if (f.deadlineFrom && !(t.deadline.date && t.deadline.date >= f.deadlineFrom)) return false;
  if (f.deadlineTo && !(t.deadline.date && t.deadline.date <= f.deadlineTo)) return false;
  const q = f.text.trim();
  if (q) {
    const hay = [
      t.number,
      t.title,
      t.content,
      t.notes,
      t.deadline.text,
      row.task?.title ?? '',
      row.latest?.progress ?? '',
    ].join(' ');
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** Work items that pass the filter, each section banner kept above the items shown under it. */
export function filterGridRows(rows: GridRow[], f: TaskFilter): GridRow[] {
  if (!isFilterActive(f)) return rows;
  const kept = rows.filter((r) => r.kind !== 'section' && matches(r, f));
  const sectionsShown = new Set(kept.map((r) => r.section?.id));
  const keptSet = new Set(kept);
  return rows.filter((r) => (r.kind === 'section' ? sectionsShown.has(r.node.id) : keptSet.has(r)));
}
