// The clerk's decisions on one previewed return, and the rows they turn into. Pure, so the rules
// (what is written by default, what needs a tick) are tested without a browser.
import type { ReturnFieldName, ReturnFileView, ReturnOutcome, ReturnRowView } from '@shared/channels/returns';

export type RowKey = string;
export const rowKey = (r: { sheet: string; row: number }): RowKey => `${r.sheet}:${r.row}`;

export interface Review {
  /** The preview as main read it; main holds the file under view.token (its bytes never reach the page). */
  view: ReturnFileView;
  /** Rows to write. Only 'apply' rows start here; conflicts join when the clerk ticks them. */
  included: Set<RowKey>;
  /** For a row whose hidden 任务ID and text disagree, and for unmatched rows: the item the clerk picked. */
  chosen: Map<RowKey, number>;
  /** The file names another period or round: written only once the clerk confirms. */
  roundConfirmed: boolean;
  /** The clerk's header-row and column corrections, per sheet. */
  overrides: Record<string, { headerRow?: number; columns?: Partial<Record<ReturnFieldName, number>> }>;
}

export function initialReview(view: ReturnFileView, overrides: Review['overrides'] = {}): Review {
  const included = new Set(view.rows.filter((r) => r.outcome === 'apply').map(rowKey));
  return { view, included, chosen: new Map(), roundConfirmed: false, overrides };
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
    review.view.token !== null &&
    !review.view.error &&
    review.view.unitId !== null &&
    !review.view.blank &&
    (review.view.roundCheck.ok || review.roundConfirmed)
  );
}

/** A row the clerk chose, as the commit names it: where it is in the file, its work item, whether it overwrites. */
export interface RowToWrite {
  sheet: string;
  row: number;
  taskId: number;
  overwrite: boolean;
}

/**
 * What the commit sends for this file: ticked rows and picked items, each by its place in the file, and
 * whether it replaces an existing report. The reports themselves are the ones main holds for the preview.
 */
export function rowsToWrite(review: Review): RowToWrite[] {
  if (!isWritable(review)) return [];
  const out: RowToWrite[] = [];
  for (const r of review.view.rows) {
    const key = rowKey(r);
    if (r.conflict?.kind === 'id-text') {
      const taskId = review.chosen.get(key);
      if (taskId !== undefined) out.push({ sheet: r.sheet, row: r.row, taskId, overwrite: false });
    } else if (review.included.has(key)) {
      out.push({ sheet: r.sheet, row: r.row, taskId: r.taskId, overwrite: r.conflict?.kind === 'existing' });
    }
  }
  for (const u of review.view.unmatched) {
    const taskId = review.chosen.get(rowKey(u));
    if (taskId !== undefined) out.push({ sheet: u.sheet, row: u.row, taskId, overwrite: false });
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
