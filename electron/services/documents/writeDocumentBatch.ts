// A policy document written into the ledger (saved or updated) as one import batch and one undoable change set.
import type { Unit } from '../../../shared/domain';
import { namesOf } from '../../../shared/unitNames';
import type { LedgerContext } from '../../db/audit';
import { attachChangeSet, recordImportBatch } from '../../db/repositories/importBatches';
import { createUnit, listUnits } from '../../db/repositories/units';
import { runUndoable } from '../../db/undo';
import type { DocumentSavePlan } from './shapeDocumentPlan';

/** What the document's own writes are given: its batch, and every unit name the ledger knows by then. */
export interface DocumentBatch {
  batchId: number;
  /** How many units the clerk agreed to add were new to the ledger. */
  units: number;
  idOf: Map<string, number>;
}

/**
 * The batch (file name, SHA-256, size) is recorded first and the change set attached to it afterwards, so
 * 导入记录 can undo the whole document; the units agreed to be new are added before `write` runs, so the
 * tree it writes can name them. All in one transaction: a refusal inside `write` leaves no batch behind.
 */
export function writeDocumentBatch<O>(
  ctx: LedgerContext,
  label: string,
  plan: Pick<DocumentSavePlan, 'fileName' | 'sha256' | 'newUnits'>,
  size: number,
  write: (c: LedgerContext, batch: DocumentBatch) => O,
  counts: (outcome: O) => Record<string, number>,
): O {
  return ctx.db.transaction(() => {
    const batchId = recordImportBatch(ctx, {
      kind: 'document',
      label,
      fileName: plan.fileName,
      sha256: plan.sha256,
      size,
    });
    let changeSetId: number | null = null;
    const outcome = runUndoable(ctx, label, (c) => {
      changeSetId = c.changeSetId ?? null;
      return write(c, { batchId, ...addAgreedUnits(c, plan.newUnits) });
    });
    attachChangeSet(ctx, batchId, changeSetId, counts(outcome));
    return outcome;
  })();
}

/** Adds the units the clerk agreed to add (those not known by any name yet); every name the ledger now knows, to its unit id. */
function addAgreedUnits(
  ctx: LedgerContext,
  newUnits: DocumentSavePlan['newUnits'],
): { units: number; idOf: Map<string, number> } {
  let units = 0;
  const existing: Unit[] = listUnits(ctx);
  for (const u of newUnits) {
    if (existing.some((e) => namesOf(e).includes(u.name))) continue;
    existing.push(createUnit(ctx, { name: u.name, kind: u.kind }));
    units += 1;
  }
  const idOf = new Map<string, number>();
  for (const u of existing) for (const n of namesOf(u)) idOf.set(n, u.id);
  return { units, idOf };
}
