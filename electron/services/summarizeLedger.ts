// The ledger at a glance (counts, overdue items) for `duban summary` and ledger:summary.
import type { LedgerSummary } from '../../shared/channels';
import { TASK_STATUSES, type TaskStatus } from '../../shared/domain';
import { warningLevel } from '../../shared/warningLevel';
import type { LedgerContext } from '../db/audit';
import { readLedgerSnapshot } from '../db/repositories/snapshot';

/** Counts an IT person or the dashboard checks at a glance: what is in the ledger and what is late. */
export function summarizeLedger(ctx: LedgerContext, today: string): LedgerSummary {
  const snap = readLedgerSnapshot(ctx);
  const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
  const items = snap.tasks.filter((t) => t.level === 'item');
  const itemsByStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const t of items) itemsByStatus[t.status] += 1;
  const overdue = items.filter((t) => warningLevel(t, { today }) === 'red');
  return {
    today,
    units: snap.units.length,
    groups: snap.groups.length,
    documents: snap.documents.length,
    sections: snap.tasks.filter((t) => t.level === 'section').length,
    tasks: snap.tasks.filter((t) => t.level === 'task').length,
    items: items.length,
    itemsByStatus,
    overdue: overdue.length,
    overdueItems: overdue.map((t) => ({
      id: t.id,
      number: t.number,
      content: t.content,
      deadline: t.deadline.text || t.deadline.date || '',
      leadUnits: t.leadUnitIds.map((id) => unitName.get(id) ?? ''),
    })),
    rounds: snap.rounds.length,
    reports: snap.reports.length,
  };
}
