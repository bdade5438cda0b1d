// 任务清单's channels: the task list view and detail, and every edit of tasks (undoable), from one cell to a paste.
import { z } from 'zod';
import type { TaskListView, taskPatchSchema } from '../../shared/channels/tasks';
import { packTaskListView } from '../../shared/packTaskList';
import type { TaskNode } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { listAudit } from '../db/audit';
import { readSettings } from '../db/repositories/settings';
import { readLedgerHead, readLedgerSnapshot } from '../db/repositories/snapshot';
import {
  changeTaskLevel,
  closeOutTasks,
  createTask,
  deleteTask,
  getTask,
  listTasks,
  moveTask,
  updateTask,
  type TaskPatch,
} from '../db/repositories/tasks';
import { listUnits } from '../db/repositories/units';
import { deadlineFromClerk } from '../services/deadlineFromClerk';
import { describeTaskChanges } from '../services/describeTaskChanges';
import { buildTaskListView } from '../services/taskListView';
import type { AppContext } from './context';
import type { FeatureHandlers } from './types';
import { undoable } from './undoable';

type PatchIn = z.output<typeof taskPatchSchema>;

/** The whole task list, or its first rows with the whole count. */
function taskListView(ctx: AppContext, first: number | undefined): TaskListView {
  const dueSoonDays = readSettings(ctx.ledger).dueSoonDays;
  if (first === undefined) return buildTaskListView(readLedgerSnapshot(ctx.ledger), ctx.today(), dueSoonDays);
  const head = readLedgerHead(ctx.ledger, first);
  return { ...buildTaskListView(head.snapshot, ctx.today(), dueSoonDays), total: head.total };
}

/** Turns the clerk's patch into a repository patch: deadline words parsed, unit ids checked. */
function toTaskPatch(ctx: AppContext, patch: PatchIn): TaskPatch {
  const { deadlineText, ...rest } = patch;
  const known = new Set(listUnits(ctx.ledger).map((u) => u.id));
  for (const id of [...(patch.leadUnitIds ?? []), ...(patch.coUnitIds ?? [])]) {
    if (!known.has(id))
      throw new DomainError('unit_not_found', '所选责任单位已不存在（可能已被删除）。请刷新后重新选择。');
  }
  return { ...rest, ...(deadlineText !== undefined ? { deadline: deadlineFromClerk(deadlineText, ctx.today()) } : {}) };
}

/** A work item needs words and someone to do them; the rule is checked on every edit from the UI. */
function assertWorkItemComplete(task: Pick<TaskNode, 'level' | 'content' | 'leadUnitIds'>): void {
  if (task.level !== 'item') return;
  if (!task.content.trim())
    throw new DomainError('item_content_empty', '工作内容不能为空。请填写工作内容，或删除这一行。');
  if (task.leadUnitIds.length === 0)
    throw new DomainError('item_lead_missing', '每项工作内容都要有牵头单位。请选择牵头单位。');
}

const BULK_FIELD_LABELS: Record<string, string> = {
  leadUnitIds: '牵头单位',
  coUnitIds: '配合单位',
  deadlineText: '完成时限',
  status: '状态',
};

export const taskHandlers: FeatureHandlers<
  | 'tasks:view'
  | 'tasks:viewPacked'
  | 'tasks:detail'
  | 'tasks:create'
  | 'tasks:update'
  | 'tasks:delete'
  | 'tasks:closeOut'
  | 'tasks:bulkUpdate'
  | 'tasks:paste'
  | 'tasks:move'
  | 'tasks:changeLevel'
  | 'tasks:overwrite'
> = {
  'tasks:view': (ctx, { first }) => taskListView(ctx, first),
  'tasks:viewPacked': (ctx, { first }) => packTaskListView(taskListView(ctx, first)),
  'tasks:detail': (ctx, { id }) => {
    const task = getTask(ctx.ledger, id);
    const all = listTasks(ctx.ledger);
    const byId = new Map(all.map((t) => [t.id, t]));
    const path: string[] = [];
    for (let p = task.parentId; p !== null; p = byId.get(p)?.parentId ?? null) {
      const parent = byId.get(p);
      if (!parent) break;
      path.unshift(`${parent.number}${parent.title}`);
    }
    const snap = readLedgerSnapshot(ctx.ledger);
    const roundName = new Map(snap.rounds.map((r) => [r.id, r.name]));
    const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
    return {
      task,
      path,
      reports: snap.reports
        .filter((r) => r.taskId === id)
        .map((r) => ({ ...r, roundName: roundName.get(r.roundId) ?? '', unitName: unitName.get(r.unitId) ?? '' }))
        .reverse(),
      history: listAudit(ctx.ledger.db, { entity: 'task', entityId: id, limit: 100 }).map((a) => ({
        at: a.at,
        actor: a.actor,
        action: a.action,
        changes: describeTaskChanges(a.before as TaskNode | null, a.after as TaskNode | null, unitName),
      })),
    };
  },
  'tasks:create': undoable<'tasks:create'>('新增任务', (ctx, req) => {
    const patch = toTaskPatch(ctx, req.fields ?? {});
    const draft = { level: req.level, content: patch.content ?? '', leadUnitIds: patch.leadUnitIds ?? [] };
    assertWorkItemComplete(draft);
    return createTask(ctx.ledger, { ...patch, level: req.level, parentId: req.parentId, afterId: req.afterId });
  }),
  'tasks:update': undoable<'tasks:update'>('修改任务', (ctx, { id, patch }) => {
    const updated = updateTask(ctx.ledger, id, toTaskPatch(ctx, patch));
    assertWorkItemComplete(updated);
    return updated;
  }),
  'tasks:delete': undoable<'tasks:delete'>('删除任务', (ctx, { id }) => ({ deleted: deleteTask(ctx.ledger, id) })),
  'tasks:bulkUpdate': undoable<'tasks:bulkUpdate'>(
    (req) =>
      `批量设置${Object.keys(req.patch)
        .map((k) => BULK_FIELD_LABELS[k])
        .join('、')}（${req.ids.length} 项）`,
    (ctx, { ids, patch }) => {
      const taskPatch = toTaskPatch(ctx, patch);
      for (const id of ids) assertWorkItemComplete(updateTask(ctx.ledger, id, taskPatch));
      return { updated: ids.length };
    },
  ),
  'tasks:move': undoable<'tasks:move'>('移动任务', (ctx, { id, parentId, index }) =>
    moveTask(ctx.ledger, id, parentId, index),
  ),
  'tasks:changeLevel': undoable<'tasks:changeLevel'>(
    (req) => (req.direction === 'out' ? '升为重点任务' : '降为工作内容'),
    (ctx, { id, direction }) => changeTaskLevel(ctx.ledger, id, direction),
  ),
  'tasks:overwrite': undoable<'tasks:overwrite'>(
    (req) => `覆盖粘贴（${req.updates.length} 行）`,
    (ctx, { updates }) => {
      for (const u of updates) assertWorkItemComplete(updateTask(ctx.ledger, u.id, toTaskPatch(ctx, u.patch)));
      return { updated: updates.length };
    },
  ),
  'tasks:paste': undoable<'tasks:paste'>(
    (req) => `粘贴 ${req.creates.length} 行`,
    (ctx, { sectionId, creates }) => {
      const newTasks = new Map<string, number>();
      for (const c of creates) {
        let parentId: number;
        if ('id' in c.task) parentId = c.task.id;
        else {
          if (sectionId === null)
            throw new DomainError(
              'paste_no_section',
              '粘贴内容中有新的重点任务，但不知道放在哪个部分：请先在清单中点选该部分中的一行。',
            );
          const known = newTasks.get(c.task.title);
          parentId =
            known ??
            createTask(ctx.ledger, { level: 'task', parentId: sectionId, number: c.task.number, title: c.task.title })
              .id;
          newTasks.set(c.task.title, parentId);
        }
        const patch = toTaskPatch(ctx, c.fields);
        assertWorkItemComplete({ level: 'item', content: patch.content ?? '', leadUnitIds: patch.leadUnitIds ?? [] });
        createTask(ctx.ledger, { ...patch, level: 'item', parentId });
      }
      return { created: creates.length, tasksCreated: newTasks.size };
    },
  ),
  'tasks:closeOut': undoable<'tasks:closeOut'>(
    (req) => `销号 ${req.ids.length} 项`,
    (ctx, req) => closeOutTasks(ctx.ledger, req.ids, req.closedBy, req.closedOn),
  ),
};
