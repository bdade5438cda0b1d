// A reviewed document's tree fitted to the ledger's three levels (部分 → 重点任务 → 工作内容), ready to save or update.
import type { z } from 'zod';
import type { documentSaveSchema } from '../../../shared/channels/documents';
import type { TaskLevel } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';

export type DocumentSavePlan = z.output<typeof documentSaveSchema>;
type PlanTask = DocumentSavePlan['tasks'][number];

/** One node of the ledger's tree as a save (or an update) will write it. */
export interface LedgerNodePlan {
  key: string;
  parentKey: string | null;
  level: TaskLevel;
  number: string;
  title: string;
  content: string;
  leadUnits: string[];
  coUnits: string[];
  deadlineText: string;
  targets: string[];
  /** The reviewed item it comes from ('' for the section made for work that has none). */
  sourceKey: string;
}

const LEVEL_BY_DEPTH: TaskLevel[] = ['section', 'task', 'item'];
const EMPTY = {
  content: '',
  leadUnits: [] as string[],
  coUnits: [] as string[],
  deadlineText: '',
  targets: [] as string[],
};

/**
 * The reviewed tree in the ledger's three levels (部分 → 重点任务 → 工作内容), parents first: deeper items
 * (（1）) become work items of their task, work without a 部分 goes under one section named after the
 * document, and a 重点任务 that carries its own words and units gets them as one work item, so every
 * assignment sits on a work item as in the appendix tables.
 */
export function shapeDocumentPlan(plan: Pick<DocumentSavePlan, 'tasks' | 'document'>): LedgerNodePlan[] {
  const out: LedgerNodePlan[] = [];
  const placed = new Map<string, { depth: number; parentKey: string | null }>();
  const hasChildren = new Set(plan.tasks.map((t) => t.parentKey).filter(Boolean));
  let loose: string | null = null;
  const push = (
    t: PlanTask,
    key: string,
    level: TaskLevel,
    parentKey: string | null,
    fields: Partial<PlanTask>,
    sourceKey = t.key,
  ) => {
    const w = { ...t, ...fields };
    out.push({
      key,
      parentKey,
      level,
      number: w.number,
      title: w.title,
      content: w.content,
      leadUnits: w.leadUnits,
      coUnits: w.coUnits,
      deadlineText: w.deadlineText,
      targets: w.targets,
      sourceKey,
    });
  };

  for (const t of plan.tasks) {
    const parent = t.parentKey === null ? null : placed.get(t.parentKey);
    if (t.parentKey !== null && !parent)
      throw new DomainError(
        'document_bad_tree',
        `“${t.title || t.content.slice(0, 20)}”的上级没有被选中保存。请同时勾选它的上级。`,
      );
    let depth = parent ? parent.depth + 1 : 0;
    let parentKey = parent ? t.parentKey : null;
    if (depth === 0 && t.level !== 'section') {
      if (loose === null) {
        loose = '#loose';
        push({ ...t, ...EMPTY, number: '', title: plan.document.title }, loose, 'section', null, {}, '');
      }
      parentKey = loose;
      depth = 1;
    }
    if (depth > 2) {
      // （1） under 1.: another work item of the same 重点任务.
      parentKey = parent!.parentKey;
      depth = 2;
    }
    const level = LEVEL_BY_DEPTH[depth]!;
    if (level === 'task' && !hasChildren.has(t.key) && (t.content || t.leadUnits.length)) {
      push(t, t.key, 'task', parentKey, EMPTY);
      push(t, `${t.key}#item`, 'item', t.key, { number: '', title: '', content: t.content || t.title });
    } else {
      push(t, t.key, level, parentKey, level === 'item' ? { title: '', content: itemWords(t) } : {});
    }
    placed.set(t.key, { depth, parentKey });
  }
  return out;
}

/** A numbered paragraph was split into title (first sentence) and content; a work item shows both. */
function itemWords(t: PlanTask): string {
  if (!t.title) return t.content;
  if (!t.content) return t.title;
  // A table row's words read as both title and content are said once.
  if (t.content.startsWith(t.title)) return t.content;
  return /[。；;！!？?]$/.test(t.title) ? t.title + t.content : `${t.title}。${t.content}`;
}
