// The audit log: who changed which ledger row when, written in the same transaction as the change, and read back.
import type { Db } from './connection';

export interface AuditEntry {
  entity: string;
  entityId: number | null;
  // The usual actions, named for the editor; `string & {}` keeps them offered while any other is allowed.
  action: 'create' | 'update' | 'delete' | 'import' | 'undo' | (string & {});
  before?: unknown;
  after?: unknown;
}

/** Context every repository write needs: the database, who acts, and the clock (injectable for tests). */
export interface LedgerContext {
  db: Db;
  actor: string;
  now: () => string;
  /** Set while an undoable action runs: its audit rows join that change set. */
  changeSetId?: number;
}

export function createContext(db: Db, actor = '本机用户', now = () => new Date().toISOString()): LedgerContext {
  return { db, actor, now };
}

/** Called inside the repository's transaction, so a write and its audit row land together or not at all. */
export function writeAudit(ctx: LedgerContext, entry: AuditEntry): void {
  ctx.db
    .prepare(
      'INSERT INTO audit_log (at, actor, entity, entity_id, action, before, after, change_set_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      ctx.now(),
      ctx.actor,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      ctx.changeSetId ?? null,
    );
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: number | null;
  action: string;
  before: unknown;
  after: unknown;
}

export function listAudit(db: Db, filter: { entity?: string; entityId?: number; limit?: number } = {}): AuditRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.entity) {
    where.push('entity = ?');
    args.push(filter.entity);
  }
  if (filter.entityId !== undefined) {
    where.push('entity_id = ?');
    args.push(filter.entityId);
  }
  const sql = `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
  const rows = ctxRows(db, sql, [...args, filter.limit ?? 200]);
  return rows.map((r) => ({
    id: r.id as number,
    at: r.at as string,
    actor: r.actor as string,
    entity: r.entity as string,
    entityId: r.entity_id as number | null,
    action: r.action as string,
    before: r.before ? JSON.parse(r.before as string) : null,
    after: r.after ? JSON.parse(r.after as string) : null,
  }));
}

function ctxRows(db: Db, sql: string, args: unknown[]): Record<string, unknown>[] {
  return db.prepare(sql).all(...args) as Record<string, unknown>[];
}
