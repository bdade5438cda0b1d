// The task list (任务清单) in the ledger: sections, tasks and work items in appendix order, with lead and co-units.
import type { Deadline, TaskLevel, TaskNode, TaskStatus } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { insertRow, updateRow } from '../write';
import { moveToBin } from './recycleBin';
import { toTask } from './rows';

export interface TaskInput {
  parentId?: number | null;
  /** Insert right after this sibling (later siblings move down); otherwise last. */
  afterId?: number;
  documentId?: number | null;
  level: TaskLevel;
  number?: string;
  title?: string;
  content?: string;
  targets?: string[];
  leadUnitIds?: number[];
  coUnitIds?: number[];
  deadline?: Deadline;
  status?: TaskStatus;
  notes?: string;
  sortOrder?: number;
}

/** A task row as SQLite returns it; rows.ts maps it to a TaskNode. */
type TaskRow = Record<string, unknown> & { id: number; parent_id: number | null };

const NO_DEADLINE: Deadline = { date: null, recurrence: null, ongoing: false, text: '' };
const PARENT_LEVEL: Record<TaskLevel, TaskLevel | null> = { section: null, task: 'section', item: 'task' };

function unitLinks(ctx: LedgerContext, taskIds?: number[]): Map<number, { lead: number[]; co: number[] }> {
  const rows = (
    taskIds
      ? ctx.db
          .prepare(
            `SELECT task_id, unit_id, role FROM task_unit WHERE task_id IN (${taskIds.map(() => '?').join(',')}) ORDER BY sort_order`,
          )
          .all(...taskIds)
      : ctx.db.prepare('SELECT task_id, unit_id, role FROM task_unit ORDER BY sort_order').all()
  ) as { task_id: number; unit_id: number; role: 'lead' | 'co' }[];
  const links = new Map<number, { lead: number[]; co: number[] }>();
  for (const r of rows) {
    const entry = links.get(r.task_id) ?? { lead: [], co: [] };
    entry[r.role].push(r.unit_id);
    links.set(r.task_id, entry);
  }
  return links;
}

/** Ids in the order the appendix reads: each node after its parent, siblings by sort order. */
function inTreeOrder<R extends { id: number; parent_id: number | null }>(rows: R[]): R[] {
  const byParent = new Map<number | null, R[]>();
  for (const r of rows) {
    const list = byParent.get(r.parent_id) ?? [];
    list.push(r);
    byParent.set(r.parent_id, list);
  }
  const out: R[] = [];
  const visit = (parentId: number | null) => {
    for (const r of byParent.get(parentId) ?? []) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

/** Every task, each after its parent, siblings by sort order: the order the appendix reads. */
export function listTasks(ctx: LedgerContext): TaskNode[] {
  const rows = ctx.db.prepare('SELECT * FROM task ORDER BY sort_order, id').all() as TaskRow[];
  const links = unitLinks(ctx);
  return inTreeOrder(rows).map((r) => {
    const l = links.get(r.id);
    return toTask(r, l?.lead ?? [], l?.co ?? []);
  });
}

/**
 * The first `limit` tasks in appendix order and how many there are in all. Reading every task's text
 * is the slow part of a big ledger (decoding the Chinese text; `npm run bench grid`), so the task list opens on this
 * and loads the rest behind it; only ids and parents are read for the whole tree.
 */
export function listTaskHead(ctx: LedgerContext, limit: number): { tasks: TaskNode[]; total: number } {
  const skeleton = ctx.db.prepare('SELECT id, parent_id FROM task ORDER BY sort_order, id').all() as {
    id: number;
    parent_id: number | null;
  }[];
  const ids = inTreeOrder(skeleton)
    .slice(0, limit)
    .map((r) => r.id);
  if (ids.length === 0) return { tasks: [], total: 0 };
  const rows = new Map(
    (ctx.db.prepare(`SELECT * FROM task WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as TaskRow[]).map(
      (r) => [r.id, r],
    ),
  );
  const links = unitLinks(ctx, ids);
  const tasks = ids.map((id) => toTask(rows.get(id), links.get(id)?.lead ?? [], links.get(id)?.co ?? []));
  return { tasks, total: skeleton.length };
}

export function getTask(ctx: LedgerContext, id: number): TaskNode {
  const row = ctx.db.prepare('SELECT * FROM task WHERE id = ?').get(id) as TaskRow | undefined;
  if (!row) throw new DomainError('task_not_found', `找不到编号为 ${id} 的任务，可能已被删除。请刷新后重试。`);
  const l = unitLinks(ctx, [id]).get(id);
  return toTask(row, l?.lead ?? [], l?.co ?? []);
}

function assertParent(ctx: LedgerContext, level: TaskLevel, parentId: number | null): void {
  const wanted = PARENT_LEVEL[level];
  if (wanted === null) {
    if (parentId !== null) throw new DomainError('task_bad_parent', '“部分”是最上一级，不能放在其他任务下面。');
    return;
  }
  if (parentId === null)
    throw new DomainError(
      'task_bad_parent',
      level === 'item' ? '工作内容必须放在某个重点任务下面。' : '重点任务必须放在某个部分下面。',
    );
  const parent = getTask(ctx, parentId);
  if (parent.level !== wanted) {
    throw new DomainError(
      'task_bad_parent',
      level === 'item' ? '工作内容必须放在重点任务下面。' : '重点任务必须放在部分下面。',
    );
  }
}

function nextSortOrder(ctx: LedgerContext, parentId: number | null): number {
  return (
    ctx.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM task WHERE parent_id IS ?').get(parentId) as {
      n: number;
    }
  ).n;
}

function makeRoomAfter(ctx: LedgerContext, parentId: number | null, afterId: number): number {
  const after = getTask(ctx, afterId);
  if (after.parentId !== parentId)
    throw new DomainError('task_bad_position', '新任务的位置不正确：参照行不在同一级。请刷新后重试。');
  // Through audited writes, so undoing the insert puts every later sibling back exactly.
  const later = ctx.db
    .prepare('SELECT id, sort_order FROM task WHERE parent_id IS ? AND sort_order > ? ORDER BY sort_order DESC, id')
    .all(parentId, after.sortOrder) as { id: number; sort_order: number }[];
  for (const r of later) updateRow(ctx, ENTITIES.task, r.id, { sortOrder: r.sort_order + 1 });
  return after.sortOrder + 1;
}

export function createTask(ctx: LedgerContext, input: TaskInput): TaskNode {
  return ctx.db.transaction(() => {
    const parentId = input.parentId ?? null;
    assertParent(ctx, input.level, parentId);
    const sortOrder =
      input.afterId !== undefined
        ? makeRoomAfter(ctx, parentId, input.afterId)
        : (input.sortOrder ?? nextSortOrder(ctx, parentId));
    const now = ctx.now();
    const { id } = insertRow(ctx, ENTITIES.task, {
      parentId,
      documentId: input.documentId ?? null,
      level: input.level,
      number: input.number ?? '',
      title: input.title ?? '',
      content: input.content ?? '',
      targets: input.targets ?? [],
      leadUnitIds: input.leadUnitIds ?? [],
      coUnitIds: input.coUnitIds ?? [],
      deadline: input.deadline ?? NO_DEADLINE,
      status: input.status ?? '未启动',
      notes: input.notes ?? '',
      sortOrder,
      createdAt: now,
      updatedAt: now,
    });
    return getTask(ctx, id as number);
  })();
}

export type TaskPatch = Partial<Omit<TaskInput, 'level' | 'parentId'>> & {
  closedBy?: string;
  closedOn?: string | null;
};

export function updateTask(ctx: LedgerContext, id: number, patch: TaskPatch): TaskNode {
  return ctx.db.transaction(() => {
    getTask(ctx, id);
    // A field the patch leaves undefined is not written; a deadline is written whole; unit links when named.
    updateRow(ctx, ENTITIES.task, id, { ...patch, updatedAt: ctx.now() });
    return getTask(ctx, id);
  })();
}

/**
 * Deletes a task with everything below it (work items, unit links, reports) into the recycle bin; returns
 * how many tasks went. `into` is the bin entry it came from, when undo/redo moves it back there.
 */
export function deleteTask(ctx: LedgerContext, id: number, into?: number): number {
  return ctx.db.transaction(() => {
    const task = getTask(ctx, id);
    const words = `${task.number}${task.content || task.title}`.trim() || '（无标题）';
    const label = words.length > 40 ? `${words.slice(0, 40)}…` : words;
    const { rows } = moveToBin(
      ctx,
      { kind: 'task', kindLabel: LEVEL_NAMES[task.level], label, table: 'task', id },
      into,
    );
    return rows.task ?? 1;
  })();
}

/** 销号: closed out after review, with who and when; all or none. */
export function closeOutTasks(ctx: LedgerContext, ids: number[], closedBy: string, closedOn: string): TaskNode[] {
  return ctx.db.transaction(() => ids.map((id) => updateTask(ctx, id, { status: '已销号', closedBy, closedOn })))();
}

const LEVEL_NAMES: Record<TaskLevel, string> = { section: '部分', task: '重点任务', item: '工作内容' };

/** Puts a node at `index` among the children of `parentId`, renumbering siblings through audited writes so undo restores the order. */
export function moveTask(ctx: LedgerContext, id: number, parentId: number | null, index: number): TaskNode {
  return ctx.db.transaction(() => {
    const moving = getTask(ctx, id);
    assertParent(ctx, moving.level, parentId);
    const siblings = (
      ctx.db
        .prepare('SELECT id FROM task WHERE parent_id IS ? AND id <> ? ORDER BY sort_order, id')
        .all(parentId, id) as { id: number }[]
    ).map((r) => r.id);
    const at = Math.max(0, Math.min(index, siblings.length));
    siblings.splice(at, 0, id);
    siblings.forEach((siblingId, order) =>
      placeTask(ctx, siblingId, siblingId === id ? parentId : undefined, order + 1),
    );
    return getTask(ctx, id);
  })();
}

function placeTask(ctx: LedgerContext, id: number, parentId: number | null | undefined, sortOrder: number): void {
  const before = getTask(ctx, id);
  const newParent = parentId === undefined ? before.parentId : parentId;
  if (before.sortOrder === sortOrder && before.parentId === newParent) return;
  updateRow(ctx, ENTITIES.task, id, { parentId: newParent, sortOrder, updatedAt: ctx.now() });
}

/**
 * 升级/降级 between 重点任务 and 工作内容: a work item raised becomes a task after its old task; a task
 * lowered becomes a work item of the task above it. Its words move between 标题 and 工作内容.
 */
export function changeTaskLevel(ctx: LedgerContext, id: number, direction: 'in' | 'out'): TaskNode {
  return ctx.db.transaction(() => {
    const node = getTask(ctx, id);
    const all = listTasks(ctx);
    if (direction === 'out' && node.level === 'item') {
      const parent = getTask(ctx, node.parentId!);
      const siblings = all.filter((t) => t.parentId === parent.parentId);
      setLevel(ctx, node, 'task', { title: node.content, content: '' });
      return moveTask(ctx, id, parent.parentId, siblings.findIndex((t) => t.id === parent.id) + 1);
    }
    if (direction === 'in' && node.level === 'task') {
      if (all.some((t) => t.parentId === id)) {
        throw new DomainError(
          'task_has_items',
          `“${node.title}”下还有工作内容，不能降为工作内容。请先移走或删除其下的工作内容。`,
        );
      }
      const siblings = all.filter((t) => t.parentId === node.parentId && t.level === 'task');
      const above = siblings[siblings.findIndex((t) => t.id === id) - 1];
      if (!above) throw new DomainError('task_no_previous', `“${node.title}”上面没有重点任务，无法降为工作内容。`);
      setLevel(ctx, node, 'item', { title: '', content: node.content || node.title });
      return moveTask(ctx, id, above.id, Number.MAX_SAFE_INTEGER);
    }
    throw new DomainError(
      'task_level_fixed',
      `${LEVEL_NAMES[node.level]}不能再${direction === 'in' ? '降级' : '升级'}：只有工作内容可升为重点任务，重点任务可降为工作内容。`,
    );
  })();
}

function setLevel(
  ctx: LedgerContext,
  before: TaskNode,
  level: TaskLevel,
  words: { title: string; content: string },
): void {
  updateRow(ctx, ENTITIES.task, before.id, { level, ...words, updatedAt: ctx.now() });
}
