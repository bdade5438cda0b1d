import type { LedgerContext } from '../audit';
import { writeAudit } from '../audit';

export type StoredMapping = Record<string, number>;

/** A township's corrected column mapping, kept for the next return with the same header. */
export function rememberMapping(ctx: LedgerContext, unitId: number, signature: string, columns: StoredMapping): void {
  ctx.db.transaction(() => {
    const before = findMapping(ctx, unitId, signature);
    ctx.db
      .prepare(
        `INSERT INTO column_mapping (unit_id, signature, mapping, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (unit_id, signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
      )
      .run(unitId, signature, JSON.stringify(columns), ctx.now());
    writeAudit(ctx, { entity: 'column_mapping', entityId: unitId, action: before ? 'update' : 'create', before: before ?? undefined, after: { signature, columns } });
  })();
}

export function findMapping(ctx: LedgerContext, unitId: number, signature: string): StoredMapping | undefined {
  const row = ctx.db.prepare('SELECT mapping FROM column_mapping WHERE unit_id = ? AND signature = ?').get(unitId, signature) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as StoredMapping) : undefined;
}

/** Every remembered mapping: the reader worker analyses returns without access to the ledger. */
export function listMappings(ctx: LedgerContext): { unitId: number; signature: string; columns: StoredMapping }[] {
  const rows = ctx.db.prepare('SELECT unit_id AS unitId, signature, mapping FROM column_mapping').all() as { unitId: number; signature: string; mapping: string }[];
  return rows.map((r) => ({ unitId: r.unitId, signature: r.signature, columns: JSON.parse(r.mapping) as StoredMapping }));
}
