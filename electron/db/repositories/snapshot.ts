// The whole ledger (or the head of the task list) read as plain data in one transaction, for exports and views.
import type { LedgerSnapshot } from '../../../shared/domain';
import type { LedgerContext } from '../audit';
import { listDocuments } from './documents';
import { listDuties, listGroups, listMembers } from './groups';
import { listReports, listReportsForTasks, listRoundUnits, listRounds } from './progress';
import { listTaskHead, listTasks } from './tasks';
import { listUnits } from './units';

/**
 * The whole ledger as plain data, read in one transaction so exports never see half an edit. Deferred:
 * a read takes no write lock, so it never waits for another process's write.
 */
export function readLedgerSnapshot(ctx: LedgerContext): LedgerSnapshot {
  return ctx.db
    .transaction(() => ({
      documents: listDocuments(ctx),
      units: listUnits(ctx),
      tasks: listTasks(ctx),
      groups: listGroups(ctx),
      members: listMembers(ctx),
      duties: listDuties(ctx),
      rounds: listRounds(ctx),
      roundUnits: listRoundUnits(ctx),
      reports: listReports(ctx),
    }))
    .deferred();
}

/**
 * Enough of the ledger to show the first `limit` rows of the task list: those tasks with their reports,
 * and the small tables. Groups and members are left empty; this is not for exports.
 */
export function readLedgerHead(ctx: LedgerContext, limit: number): { snapshot: LedgerSnapshot; total: number } {
  return ctx.db
    .transaction(() => {
      const { tasks, total } = listTaskHead(ctx, limit);
      const snapshot: LedgerSnapshot = {
        documents: listDocuments(ctx),
        units: listUnits(ctx),
        tasks,
        groups: [],
        members: [],
        duties: [],
        rounds: listRounds(ctx),
        roundUnits: [],
        reports: listReportsForTasks(
          ctx,
          tasks.map((t) => t.id),
        ),
      };
      return { snapshot, total };
    })
    .deferred();
}
