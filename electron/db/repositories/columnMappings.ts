// Each township's corrected column mapping of a return, remembered by header so its next return reads alike.
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { upsertRows } from '../write';

export type StoredMapping = Record<string, number>;

/** A township's corrected column mapping, kept for the next return with the same header. */
export function rememberMapping(ctx: LedgerContext, unitId: number, signature: string, columns: StoredMapping): void {
  ctx.db.transaction(() => {
    const before = findMapping(ctx, unitId, signature);
    upsertRows(ctx, ENTITIES.column_mapping, [{ unitId, signature, columns, updatedAt: ctx.now() }], {
      entityId: unitId,
      action: before ? 'update' : 'create',
      before: before ?? undefined,
      after: { signature, columns },
    });
  })();
}

export function findMapping(ctx: LedgerContext, unitId: number, signature: string): StoredMapping | undefined {
  const row = ctx.db
    .prepare('SELECT mapping FROM column_mapping WHERE unit_id = ? AND signature = ?')
    .get(unitId, signature) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as StoredMapping) : undefined;
}

/** Every remembered mapping: the reader worker analyzes returns without access to the ledger. */
export function listMappings(ctx: LedgerContext): { unitId: number; signature: string; columns: StoredMapping }[] {
  const rows = ctx.db.prepare('SELECT unit_id AS unitId, signature, mapping FROM column_mapping').all() as {
    unitId: number;
    signature: string;
    mapping: string;
  }[];
  return rows.map((r) => ({
    unitId: r.unitId,
    signature: r.signature,
    columns: JSON.parse(r.mapping) as StoredMapping,
  }));
}
