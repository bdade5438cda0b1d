// What an exported table is called, in the words of the appendix it imitates: the plan's name with
// 重点任务清单, then what the list was narrowed to (a unit, overdue items). One place for the app, the CLI
// and the export page, so the same list always gets the same title.
import type { LedgerSnapshot, PolicyDocument, TaskStatus } from './domain';

/** 新昌县深化基层卫生健康综合改革实施方案（征求意见稿） → 新昌县深化基层卫生健康综合改革. */
export function planName(doc: Pick<PolicyDocument, 'title'>): string {
  return doc.title
    .trim()
    .replace(/[（(][^（）()]*[）)]$/, '')
    .replace(/(的)?(实施方案|工作方案|行动方案|推进方案|方案)$/, '')
    .trim();
}

/** Used when the list mixes documents (全部) or the ledger has none. */
export const NEUTRAL_TASK_LIST_TITLE = '重点任务清单';

/** The appendix title of one document's task list; the neutral title for 全部 (null). */
export function appendixTitle(doc: Pick<PolicyDocument, 'title'> | null | undefined): string {
  return doc ? `${planName(doc)}重点任务清单` : NEUTRAL_TASK_LIST_TITLE;
}

/** The document the list of these work items belongs to, when they all come from one. */
export function soleDocument(
  snap: Pick<LedgerSnapshot, 'documents'>,
  documentIds: (number | null)[],
): PolicyDocument | null {
  const ids = new Set(documentIds.filter((id): id is number => id !== null));
  if (ids.size !== 1) return snap.documents.length === 1 && ids.size === 0 ? (snap.documents[0] ?? null) : null;
  const [id] = [...ids];
  return snap.documents.find((d) => d.id === id) ?? null;
}

/** 逾期 → 逾期事项; 已完成 → 已完成事项. */
export function statusLabel(status: TaskStatus | '逾期' | '' | undefined): string {
  return status ? `${status}事项` : '';
}

/**
 * The title with what the list was narrowed to: 新昌县…重点任务清单（沙溪镇逾期事项）. Nothing is added
 * that the title already says.
 */
export function narrowedTitle(
  base: string,
  narrowing: { unitName?: string; status?: TaskStatus | '逾期' | '' },
): string {
  const parts = [narrowing.unitName ?? '', statusLabel(narrowing.status)].filter((p) => p && !base.includes(p));
  return parts.length ? `${base}（${parts.join('')}）` : base;
}
