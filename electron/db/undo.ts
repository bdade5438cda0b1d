// Undo/redo through the ledger: an undone edit is undone in the database, so it survives a reload.
// Each clerk action is a change set; undo writes back every "before" of its audit rows, newest first,
// and redo every "after", oldest first. Restoring is per entity, in restorers below.
import type { ProgressReport, TaskNode, Unit } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { writeAudit, type LedgerContext } from './audit';
import { deleteDocument } from './repositories/documents';
import { deleteGroup } from './repositories/groups';
import { deleteRound } from './repositories/progress';
import { replayBinEntry, type BinDeleters } from './repositories/recycleBin';
import { deleteTask } from './repositories/tasks';
import { deleteUnit } from './repositories/units';

export interface UndoState {
  undo: string | null;
  redo: string | null;
}

type Restorer = (ctx: LedgerContext, id: number, state: unknown | null) => void;

function writeTaskState(ctx: LedgerContext, id: number, t: TaskNode | null): void {
  if (t === null) {
    ctx.db.prepare('DELETE FROM task WHERE id = ?').run(id);
    return;
  }
  const d = t.deadline;
  const values = [t.parentId, t.documentId, t.level, t.number, t.title, t.content, JSON.stringify(t.targets), d.date, d.recurrence, d.ongoing ? 1 : 0, d.text, t.status, t.closedBy, t.closedOn, t.notes, t.sortOrder, ctx.now()];
  // UPDATE when the row exists: INSERT OR REPLACE would delete it first and cascade to its children.
  const updated = ctx.db
    .prepare(
      `UPDATE task SET parent_id = ?, document_id = ?, level = ?, number = ?, title = ?, content = ?, targets = ?, deadline_date = ?,
         deadline_recurrence = ?, deadline_ongoing = ?, deadline_text = ?, status = ?, closed_by = ?, closed_on = ?, notes = ?,
         sort_order = ?, updated_at = ? WHERE id = ?`,
    )
    .run(...values, id);
  if (updated.changes === 0) {
    ctx.db
      .prepare(
        `INSERT INTO task (parent_id, document_id, level, number, title, content, targets, deadline_date, deadline_recurrence,
           deadline_ongoing, deadline_text, status, closed_by, closed_on, notes, sort_order, updated_at, created_at, id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...values, ctx.now(), id);
  }
  ctx.db.prepare('DELETE FROM task_unit WHERE task_id = ?').run(id);
  const link = ctx.db.prepare('INSERT INTO task_unit (task_id, unit_id, role, sort_order) VALUES (?, ?, ?, ?)');
  [...t.leadUnitIds.map((u) => [u, 'lead'] as const), ...t.coUnitIds.map((u) => [u, 'co'] as const)].forEach(([unitId, role], i) =>
    link.run(id, unitId, role, i),
  );
}

function writeUnitState(ctx: LedgerContext, id: number, u: Unit | null): void {
  if (u === null) {
    ctx.db.prepare('DELETE FROM unit WHERE id = ?').run(id);
    return;
  }
  const values = [u.name, u.shortName, u.kind, JSON.stringify(u.aliases), u.contactPerson, u.phone, u.active ? 1 : 0, u.sortOrder];
  const updated = ctx.db
    .prepare('UPDATE unit SET name = ?, short_name = ?, kind = ?, aliases = ?, contact_person = ?, phone = ?, active = ?, sort_order = ? WHERE id = ?')
    .run(...values, id);
  if (updated.changes === 0) {
    ctx.db
      .prepare('INSERT INTO unit (name, short_name, kind, aliases, contact_person, phone, active, sort_order, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(...values, id);
  }
}

function writeReportState(ctx: LedgerContext, id: number, r: ProgressReport | null): void {
  ctx.db.prepare('DELETE FROM progress_report WHERE id = ?').run(id);
  if (r === null) return;
  ctx.db
    .prepare(
      `INSERT INTO progress_report (id, task_id, unit_id, round_id, status, percent, progress, problems, next_steps, source,
         import_batch_id, reported_on, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, r.taskId, r.unitId, r.roundId, r.status, r.percent, r.progress, r.problems, r.nextSteps, r.source, r.importBatchId, r.reportedOn, r.updatedAt ?? ctx.now());
}

/** Rows an import only ever creates: undo removes them; there is nothing to redo them into. */
function createdOnly(table: string): Restorer {
  return (ctx, id, state) => {
    if (state !== null) throw new DomainError('redo_unsupported', '这一步操作不能重做，请重新导入。');
    ctx.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  };
}

/** Each kind's own delete, so a redo of a delete (or an undo of a restore) makes the same checks again. */
const BIN_DELETERS: BinDeleters = {
  unit: (ctx, id, into) => deleteUnit(ctx, id, into),
  task: (ctx, id, into) => deleteTask(ctx, id, into),
  group: (ctx, id, into) => deleteGroup(ctx, id, into),
  round: (ctx, id, into) => deleteRound(ctx, id, into),
  document: (ctx, id, into) => deleteDocument(ctx, id, into),
};

const restorers: Record<string, Restorer> = {
  // A delete and a restore are one audit row each for the bin entry; its rows move with it.
  recycle_bin: (ctx, id, state) => replayBinEntry(ctx, id, state, BIN_DELETERS),
  policy_document: createdOnly('policy_document'),
  leadership_group: createdOnly('leadership_group'),
  group_member: createdOnly('group_member'),
  group_duty: createdOnly('group_duty'),
  task: (ctx, id, state) => writeTaskState(ctx, id, state as TaskNode | null),
  unit: (ctx, id, state) => writeUnitState(ctx, id, state as Unit | null),
  progress_report: (ctx, id, state) => writeReportState(ctx, id, state as ProgressReport | null),
};

/**
 * Undoes one change set that need not be the latest (an import batch undone days later). Refused when
 * something it wrote was changed again afterwards, so a later edit is never silently lost.
 */
export function undoChangeSet(ctx: LedgerContext, changeSetId: number): void {
  ctx.db.transaction(() => {
    const later = ctx.db
      .prepare(
        `SELECT COUNT(*) AS n FROM audit_log a
         WHERE a.id > (SELECT MAX(id) FROM audit_log WHERE change_set_id = ?)
           AND (a.entity, a.entity_id) IN (SELECT entity, entity_id FROM audit_log WHERE change_set_id = ?)
           AND a.entity IN ('task', 'unit', 'progress_report')`,
      )
      .get(changeSetId, changeSetId) as { n: number };
    if (later.n > 0) {
      throw new DomainError('undo_conflict', `这批数据导入后，其中 ${later.n} 处又被修改过，不能整批撤销。请先撤销或核对之后的修改。`);
    }
    // A row deleted into the recycle bin (or put back from it) since is not what the import wrote any more.
    const binned = ctx.db
      .prepare(
        `SELECT COUNT(DISTINCT tr.table_name || ':' || tr.row_id) AS n FROM recycle_bin_trail tr
         WHERE (tr.table_name, tr.row_id) IN (SELECT entity, entity_id FROM audit_log WHERE change_set_id = ?)
           AND EXISTS (SELECT 1 FROM audit_log b WHERE b.entity = 'recycle_bin' AND b.entity_id = tr.entry_id
                         AND b.id > (SELECT MAX(id) FROM audit_log WHERE change_set_id = ?))`,
      )
      .get(changeSetId, changeSetId) as { n: number };
    if (binned.n > 0) {
      throw new DomainError(
        'undo_conflict',
        `这批数据导入后，其中 ${binned.n} 处被删除过（移入回收站或已从回收站还原），不能整批撤销。请先核对回收站和之后的修改。`,
      );
    }
    replay({ ...ctx, changeSetId: undefined }, changeSetId, 'undo');
    ctx.db.prepare('UPDATE change_set SET state = 2 WHERE id = ?').run(changeSetId);
  })();
}

/** An import's change set is undone from its batch in 导入记录, never by Ctrl+Z. */
export const IMPORT_CHANGE_SET = 3;

/** Runs one clerk action as a change set that can be undone; a new action ends the redo chain. */
export function runUndoable<T>(ctx: LedgerContext, label: string, action: (ctx: LedgerContext) => T): T {
  return ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE change_set SET state = 2 WHERE state = 1').run();
    const id = Number(ctx.db.prepare('INSERT INTO change_set (at, actor, label) VALUES (?, ?, ?)').run(ctx.now(), ctx.actor, label).lastInsertRowid);
    const result = action({ ...ctx, changeSetId: id });
    const wrote = ctx.db.prepare('SELECT 1 FROM audit_log WHERE change_set_id = ? LIMIT 1').get(id);
    if (!wrote) ctx.db.prepare('DELETE FROM change_set WHERE id = ?').run(id);
    return result;
  })();
}

interface AuditStep {
  entity: string;
  entity_id: number;
  before: string | null;
  after: string | null;
}

function replay(ctx: LedgerContext, changeSetId: number, direction: 'undo' | 'redo'): void {
  const steps = ctx.db
    .prepare(`SELECT entity, entity_id, before, after FROM audit_log WHERE change_set_id = ? ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`)
    .all(changeSetId) as AuditStep[];
  // Rows come back parent-after-child on undo of a delete; the keys hold again at commit.
  ctx.db.pragma('defer_foreign_keys = ON');
  for (const step of steps) {
    const restore = restorers[step.entity];
    if (!restore) throw new DomainError('undo_unsupported', '这一步操作不能撤销。');
    const from = direction === 'undo' ? step.after : step.before;
    const to = direction === 'undo' ? step.before : step.after;
    restore(ctx, step.entity_id, to ? JSON.parse(to) : null);
    writeAudit(ctx, { entity: step.entity, entityId: step.entity_id, action: direction, before: from ? JSON.parse(from) : undefined, after: to ? JSON.parse(to) : undefined });
  }
}

export function undoLast(ctx: LedgerContext): string | null {
  return ctx.db.transaction(() => {
    const last = ctx.db.prepare('SELECT id, label FROM change_set WHERE state = 0 ORDER BY id DESC LIMIT 1').get() as { id: number; label: string } | undefined;
    if (!last) return null;
    replay({ ...ctx, changeSetId: undefined }, last.id, 'undo');
    ctx.db.prepare('UPDATE change_set SET state = 1 WHERE id = ?').run(last.id);
    return last.label;
  })();
}

export function redoNext(ctx: LedgerContext): string | null {
  return ctx.db.transaction(() => {
    const next = ctx.db.prepare('SELECT id, label FROM change_set WHERE state = 1 ORDER BY id ASC LIMIT 1').get() as { id: number; label: string } | undefined;
    if (!next) return null;
    replay({ ...ctx, changeSetId: undefined }, next.id, 'redo');
    ctx.db.prepare('UPDATE change_set SET state = 0 WHERE id = ?').run(next.id);
    return next.label;
  })();
}

export function undoState(ctx: LedgerContext): UndoState {
  const undo = ctx.db.prepare('SELECT label FROM change_set WHERE state = 0 ORDER BY id DESC LIMIT 1').get() as { label: string } | undefined;
  const redo = ctx.db.prepare('SELECT label FROM change_set WHERE state = 1 ORDER BY id ASC LIMIT 1').get() as { label: string } | undefined;
  return { undo: undo?.label ?? null, redo: redo?.label ?? null };
}
