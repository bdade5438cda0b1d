// The task list in a compact form for the trip to the window: one array per row instead of nested objects
// with the same keys 10,000 times over. On a 10,000-item ledger the object form was 4 MB of JSON whose
// writing, sending and reading took longer than the query itself (`npm run bench grid`); the window
// unpacks it back into the very TaskListView the page has always used.
import type { LatestProgress, TaskListView } from './channels/tasks';
import type { Recurrence, TaskLevel, TaskNode, TaskStatus } from './domain';
import type { WarningLevel } from './warningLevel';

export type PackedLatest = [
  roundName: string,
  unitName: string,
  status: TaskStatus | null,
  percent: number | null,
  progress: string,
];

export type PackedTaskRow = [
  id: number,
  parentId: number | null,
  documentId: number | null,
  level: TaskLevel,
  number: string,
  title: string,
  content: string,
  targets: string[],
  leadUnitIds: number[],
  coUnitIds: number[],
  deadlineDate: string | null,
  recurrence: Recurrence | null,
  ongoing: boolean,
  deadlineText: string,
  status: TaskStatus,
  closedBy: string,
  closedOn: string | null,
  notes: string,
  sortOrder: number,
  warning: WarningLevel,
  latest: PackedLatest | null,
];

export interface PackedTaskListView extends Omit<TaskListView, 'rows'> {
  rows: PackedTaskRow[];
}

export function packTaskListView(view: TaskListView): PackedTaskListView {
  const rows = view.rows.map(({ task: t, warning, latest: l }): PackedTaskRow => [
    t.id,
    t.parentId,
    t.documentId,
    t.level,
    t.number,
    t.title,
    t.content,
    t.targets,
    t.leadUnitIds,
    t.coUnitIds,
    t.deadline.date,
    t.deadline.recurrence,
    t.deadline.ongoing,
    t.deadline.text,
    t.status,
    t.closedBy,
    t.closedOn,
    t.notes,
    t.sortOrder,
    warning,
    l ? [l.roundName, l.unitName, l.status, l.percent, l.progress] : null,
  ]);
  return { ...view, rows };
}

export function unpackTaskListView(packed: PackedTaskListView): TaskListView {
  const rows = packed.rows.map((r) => {
    const task: TaskNode = {
      id: r[0],
      parentId: r[1],
      documentId: r[2],
      level: r[3],
      number: r[4],
      title: r[5],
      content: r[6],
      targets: r[7],
      leadUnitIds: r[8],
      coUnitIds: r[9],
      deadline: { date: r[10], recurrence: r[11], ongoing: r[12], text: r[13] },
      status: r[14],
      closedBy: r[15],
      closedOn: r[16],
      notes: r[17],
      sortOrder: r[18],
    };
    const l = r[20];
    const latest: LatestProgress | null = l
      ? { roundName: l[0], unitName: l[1], status: l[2], percent: l[3], progress: l[4] }
      : null;
    return { task, warning: r[19], latest };
  });
  return { ...packed, rows };
}
