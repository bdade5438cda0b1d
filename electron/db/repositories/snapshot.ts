import type { LedgerSnapshot } from '../../../shared/domain';
import type { LedgerContext } from '../audit';
import { listDocuments } from './documents';
import { listDuties, listGroups, listMembers } from './groups';
import { listReports, listRoundUnits, listRounds } from './progress';
import { listTasks } from './tasks';
import { listUnits } from './units';

/** The whole ledger as plain data, read in one transaction so exports never see half an edit. */
export function readLedgerSnapshot(ctx: LedgerContext): LedgerSnapshot {
  return ctx.db.transaction(() => ({
    documents: listDocuments(ctx),
    units: listUnits(ctx),
    tasks: listTasks(ctx),
    groups: listGroups(ctx),
    members: listMembers(ctx),
    duties: listDuties(ctx),
    rounds: listRounds(ctx),
    roundUnits: listRoundUnits(ctx),
    reports: listReports(ctx),
  }))();
}
