// Undo/redo through the ledger: an undone edit is undone in the database, so it survives a reload.
// Each clerk action is a change set; undo writes back every "before" of its audit rows, newest first,
// and redo every "after", oldest first. A row's state is written back generically from its entity's
// declaration (entities.ts, write.ts); the recycle bin's entries move their rows in and out of the bin.
// Each change set belongs to the page it was made on (change_set.page): a page's Ctrl+Z takes back its own
// latest change, and refuses when a row it would write back was changed since on another page.
import type { UndoPage } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { writeAudit, type LedgerContext } from './audit';
import { entityOf, readState } from './entities';
import { deleteDocument } from './repositories/documents';
import { deleteDuty, deleteGroup, removeMember } from './repositories/groups';
import { deleteRound } from './repositories/progress';
import { replayBinEntry, type BinDeleters } from './repositories/recycleBin';
import { deleteTask } from './repositories/tasks';
import { deleteUnit } from './repositories/units';
import { describeChangeSet } from './undoLabels';
import { restoreState } from './write';

export interface UndoState {
  undo: string | null;
  redo: string | null;
}

/** Each kind's own delete, so a redo of a delete (or an undo of a restore) makes the same checks again. */
const BIN_DELETERS: BinDeleters = {
  unit: (ctx, id, into) => deleteUnit(ctx, id, into),
  task: (ctx, id, into) => deleteTask(ctx, id, into),
  group: (ctx, id, into) => deleteGroup(ctx, id, into),
  round: (ctx, id, into) => deleteRound(ctx, id, into),
  document: (ctx, id, into) => deleteDocument(ctx, id, into),
  member: (ctx, id, into) => removeMember(ctx, id, into),
  duty: (ctx, id, into) => deleteDuty(ctx, id, into),
};

/** Writes one audited state back: a bin entry through the bin, any declared entity from its declaration. */
function restore(ctx: LedgerContext, entity: string, id: number, state: object | null): void {
  // A delete and a restore are one audit row each for the bin entry; its rows move with it.
  if (entity === 'recycle_bin') return replayBinEntry(ctx, id, state, BIN_DELETERS);
  const e = entityOf(entity);
  if (!e) throw new DomainError('undo_unsupported', '这一步操作不能撤销。');
  restoreState(ctx, e, id, state);
}

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
      throw new DomainError(
        'undo_conflict',
        `这批数据导入后，其中 ${later.n} 处又被修改过，不能整批撤销。请先撤销或核对之后的修改。`,
      );
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

/** Takes an import's change set out of the Ctrl+Z chain: it is undone from its batch only. */
export function keepForImport(ctx: LedgerContext, changeSetId: number): void {
  ctx.db.prepare('UPDATE change_set SET state = ? WHERE id = ?').run(IMPORT_CHANGE_SET, changeSetId);
}

/**
 * Runs one clerk action as a change set that can be undone on its page; a new action on a page ends that
 * page's redo chain. A change set that wrote one row is labelled by what it changed (undoLabels.ts).
 */
export function runUndoable<T>(
  ctx: LedgerContext,
  label: string,
  action: (ctx: LedgerContext) => T,
  page: UndoPage = 'tasks',
): T {
  return ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE change_set SET state = 2 WHERE state = 1 AND page = ?').run(page);
    const id = Number(
      ctx.db
        .prepare('INSERT INTO change_set (at, actor, label, page) VALUES (?, ?, ?, ?)')
        .run(ctx.now(), ctx.actor, label, page).lastInsertRowid,
    );
    const result = action({ ...ctx, changeSetId: id });
    const wrote = ctx.db.prepare('SELECT 1 FROM audit_log WHERE change_set_id = ? LIMIT 1').get(id);
    if (!wrote) ctx.db.prepare('DELETE FROM change_set WHERE id = ?').run(id);
    else {
      const specific = describeChangeSet(ctx.db, id, label);
      if (specific !== label) ctx.db.prepare('UPDATE change_set SET label = ? WHERE id = ?').run(specific, id);
    }
    return result;
  })();
}

interface AuditStep {
  entity: string;
  entity_id: number;
  before: string | null;
  after: string | null;
}

const PAGE_NAMES: Record<string, string> = {
  tasks: '任务清单',
  units: '责任单位',
  groups: '领导小组',
  rounds: '调度轮次',
};

/** Whether the row now holds every value the audited state names (a state may be recorded partly). */
function holds(current: Record<string, unknown> | null, recorded: Record<string, unknown> | null): boolean {
  if (recorded === null || current === null) return recorded === current;
  return Object.entries(recorded).every(([key, value]) => JSON.stringify(current[key]) === JSON.stringify(value));
}

/**
 * Refuses to write back over a row that is no longer as this change set left it (undo) or found it (redo):
 * it was changed since, by a change on another page, and that change would be silently lost.
 */
function checkUnchangedSince(
  ctx: LedgerContext,
  changeSetId: number,
  label: string,
  steps: AuditStep[],
  direction: 'undo' | 'redo',
): void {
  const expected = new Map<string, { entity: string; id: number; state: Record<string, unknown> | null }>();
  // Steps come newest first for undo (each row as the set's last step left it), oldest first for redo (as
  // its first step found it): the first step seen per row is the one to compare.
  for (const step of steps) {
    const key = `${step.entity}:${step.entity_id}`;
    if (expected.has(key) || step.entity === 'recycle_bin') continue;
    const e = entityOf(step.entity);
    if (!e?.idColumn || !e.restorable) continue;
    const text = direction === 'undo' ? step.after : step.before;
    expected.set(key, {
      entity: step.entity,
      id: step.entity_id,
      state: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    });
  }
  for (const { entity, id, state } of expected.values()) {
    const e = entityOf(entity)!;
    if (holds(readState(ctx.db, e, id), state)) continue;
    const later = ctx.db
      .prepare(
        `SELECT c.page FROM audit_log a JOIN change_set c ON c.id = a.change_set_id
         WHERE a.entity = ? AND a.entity_id = ? AND a.change_set_id <> ? ORDER BY a.id DESC LIMIT 1`,
      )
      .get(entity, id, changeSetId) as { page: string } | undefined;
    const where = later ? `在“${PAGE_NAMES[later.page] ?? later.page}”页` : '';
    throw new DomainError(
      'undo_conflict',
      `不能${direction === 'undo' ? '撤销' : '重做'}“${label}”：其中的${e.label}之后又${where}被修改过，${direction === 'undo' ? '撤销' : '重做'}会覆盖那次修改。请先核对或撤销那次修改。`,
    );
  }
}

/** A row this undo would remove is used elsewhere since (a unit now named by a task): refused, in words. */
function refuseDanglingKeys(err: unknown, label: string, direction: 'undo' | 'redo'): never {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    throw new DomainError(
      'undo_conflict',
      `不能${direction === 'undo' ? '撤销' : '重做'}“${label}”：其中涉及的数据之后已被别处引用（例如新增的单位已被任务选为牵头单位）。请先改掉那处引用后再试。`,
    );
  }
  throw err;
}

function replay(ctx: LedgerContext, changeSetId: number, direction: 'undo' | 'redo', check?: { label: string }): void {
  const steps = ctx.db
    .prepare(
      `SELECT entity, entity_id, before, after FROM audit_log WHERE change_set_id = ? ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`,
    )
    .all(changeSetId) as AuditStep[];
  if (check) checkUnchangedSince(ctx, changeSetId, check.label, steps, direction);
  // Rows come back parent-after-child on undo of a delete; the keys hold again at commit.
  ctx.db.pragma('defer_foreign_keys = ON');
  for (const step of steps) {
    const from = direction === 'undo' ? step.after : step.before;
    const to = direction === 'undo' ? step.before : step.after;
    restore(ctx, step.entity, step.entity_id, to ? (JSON.parse(to) as object) : null);
    writeAudit(ctx, {
      entity: step.entity,
      entityId: step.entity_id,
      action: direction,
      before: from ? JSON.parse(from) : undefined,
      after: to ? JSON.parse(to) : undefined,
    });
  }
}

/** The page's condition on change sets; without a page, the whole ledger's. */
const onPage = (page: UndoPage | undefined) => (page ? 'AND page = ?' : '');
const pageArgs = (page: UndoPage | undefined) => (page ? [page] : []);

function step(ctx: LedgerContext, direction: 'undo' | 'redo', page?: UndoPage): string | null {
  const from = direction === 'undo' ? 0 : 1;
  const order = direction === 'undo' ? 'DESC' : 'ASC';
  try {
    return ctx.db.transaction(() => {
      const set = ctx.db
        .prepare(`SELECT id, label FROM change_set WHERE state = ? ${onPage(page)} ORDER BY id ${order} LIMIT 1`)
        .get(from, ...pageArgs(page)) as { id: number; label: string } | undefined;
      if (!set) return null;
      try {
        replay({ ...ctx, changeSetId: undefined }, set.id, direction, { label: set.label });
        ctx.db.prepare('UPDATE change_set SET state = ? WHERE id = ?').run(1 - from, set.id);
        return set.label;
      } catch (err) {
        return refuseDanglingKeys(err, set.label, direction);
      }
    })();
  } catch (err) {
    // Deferred keys are checked at commit, outside the inner catch.
    const label = (
      ctx.db
        .prepare(`SELECT label FROM change_set WHERE state = ? ${onPage(page)} ORDER BY id ${order} LIMIT 1`)
        .get(from, ...pageArgs(page)) as { label: string } | undefined
    )?.label;
    return refuseDanglingKeys(err, label ?? '', direction);
  }
}

/** Undoes the page's latest change set (the whole ledger's without a page); returns its label. */
export function undoLast(ctx: LedgerContext, page?: UndoPage): string | null {
  return step(ctx, 'undo', page);
}

/** Redoes the page's earliest undone change set; returns its label. */
export function redoNext(ctx: LedgerContext, page?: UndoPage): string | null {
  return step(ctx, 'redo', page);
}

export function undoState(ctx: LedgerContext, page?: UndoPage): UndoState {
  const undo = ctx.db
    .prepare(`SELECT label FROM change_set WHERE state = 0 ${onPage(page)} ORDER BY id DESC LIMIT 1`)
    .get(...pageArgs(page)) as { label: string } | undefined;
  const redo = ctx.db
    .prepare(`SELECT label FROM change_set WHERE state = 1 ${onPage(page)} ORDER BY id ASC LIMIT 1`)
    .get(...pageArgs(page)) as { label: string } | undefined;
  return { undo: undo?.label ?? null, redo: redo?.label ?? null };
}
