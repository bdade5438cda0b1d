// The clerk's decisions on one previewed return, and the rows they turn into. Pure, so the rules
// (what is written by default, what needs a tick) are tested without a browser.
import type { ReturnFieldName, ReturnFileView, ReturnOutcome, ReturnRowView } from '@shared/channels/returns';

export type RowKey = string;
export const rowKey = (r: { sheet: string; row: number }): RowKey => `${r.sheet}:${r.row}`;

export interface Review {
  view: ReturnFileView;
  data?: { fileName: string; dataBase64: string };
  /** Rows to write. Only 'apply' rows start here; conflicts join when the clerk ticks them. */
  included: Set<RowKey>;
  /** For a row whose hidden 任务ID and text disagree, and for unmatched rows: the item the clerk picked. */
  chosen: Map<RowKey, number>;
  /** The file names another period or round: written only once the clerk confirms. */
  roundConfirmed: boolean;
  /** The clerk's header-row and column corrections, per sheet. */
  overrides: Record<string, { headerRow?: number; columns?: Partial<Record<ReturnFieldName, number>> }>;
}

export function initialReview(
  view: ReturnFileView,
  data?: Review['data'],
  overrides: Review['overrides'] = {},
): Review {
  const included = new Set(view.rows.filter((r) => r.outcome === 'apply').map(rowKey));
  return { view, data: data ?? view.source, included, chosen: new Map(), roundConfirmed: false, overrides };
}

/** Rows the clerk decides on, and rows shown only so she knows why nothing is written for them. */
export function needsChoice(row: ReturnRowView): boolean {
  return row.outcome === 'apply' || row.outcome === 'conflict';
}

export const OUTCOME_LABELS: Record<ReturnOutcome, string> = {
  apply: '将导入',
  unchanged: '未改动',
  empty: '未填写',
  'kept-existing': '与本轮已有的相同',
  conflict: '需要您选择',
  unmatched: '未匹配',
};

export const CONFLICT_LABELS = {
  existing: '本轮已有不同的推进情况，勾选则用本文件覆盖',
  duplicate: '同一任务在本文件中出现多次，请只勾选一行',
  'id-text': '隐藏的任务ID与工作内容不符，请选定对应的任务',
  moved: '填报内容与导出时另一项任务的相同，可能排序时移动了，核对后勾选',
} as const;

/** Ticking one row of a duplicate unticks the others on the same item: one report per item. */
export function toggleRow(review: Review, row: ReturnRowView, checked: boolean): Review {
  const included = new Set(review.included);
  if (checked) {
    if (row.conflict?.kind === 'duplicate')
      for (const other of review.view.rows) if (other.taskId === row.taskId) included.delete(rowKey(other));
    included.add(rowKey(row));
  } else included.delete(rowKey(row));
  return { ...review, included };
}

export function choose(review: Review, key: RowKey, taskId: number | null): Review {
  const chosen = new Map(review.chosen);
  if (taskId === null) chosen.delete(key);
  else chosen.set(key, taskId);
  return { ...review, chosen };
}

export function isWritable(review: Review): boolean {
  return (
    !review.view.error &&
    review.view.unitId !== null &&
    !review.view.blank &&
    (review.view.roundCheck.ok || review.roundConfirmed)
  );
}

export interface RowToWrite {
  taskId: number;
  status: ReturnRowView['status'];
  percent: number | null;
  progress: string;
  problems: string;
  nextSteps: string;
  overwrite: boolean;
  sheet: string;
  row: number;
}

/** What the commit sends for this file: ticked rows, picked items, and whether each replaces an existing report. */
export function rowsToWrite(review: Review): RowToWrite[] {
  if (!isWritable(review)) return [];
  const out: RowToWrite[] = [];
  const pick = (
    r: Pick<ReturnRowView, 'status' | 'percent' | 'progress' | 'problems' | 'nextSteps'>,
    taskId: number,
    overwrite: boolean,
    sheet: string,
    row: number,
  ) =>
    out.push({
      taskId,
      status: r.status,
      percent: r.percent,
      progress: r.progress,
      problems: r.problems,
      nextSteps: r.nextSteps,
      overwrite,
      sheet,
      row,
    });
  for (const r of review.view.rows) {
    const key = rowKey(r);
    if (r.conflict?.kind === 'id-text') {
      const taskId = review.chosen.get(key);
      if (taskId !== undefined) pick(r, taskId, false, r.sheet, r.row);
    } else if (review.included.has(key)) {
      pick(r, r.taskId, r.conflict?.kind === 'existing', r.sheet, r.row);
    }
  }
  for (const u of review.view.unmatched) {
    const taskId = review.chosen.get(rowKey(u));
    if (taskId !== undefined) pick(u.reported, taskId, false, u.sheet, u.row);
  }
  return out;
}

/** The township's retyped locked cells, as lines the clerk can paste into a note. */
export function lockedEditsText(view: ReturnFileView): string {
  return view.rows
    .flatMap((r) =>
      r.lockedEdits.map(
        (e) =>
          `${view.unit ?? view.file} 第 ${r.row} 行（${r.taskContent.slice(0, 30)}）${e.field}：${e.exported || '（空）'} → ${e.returned || '（空）'}`,
      ),
    )
    .join('\n');
}
