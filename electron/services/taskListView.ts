// The task list as the grid shows it: every node in tree order with its 红黄绿灯 and latest progress.
import type { LatestProgress, TaskListView, TaskRow } from '../../shared/channels';
import type { LedgerSnapshot, ProgressReport } from '../../shared/domain';
import { currentPeriodStart } from '../../shared/recurrencePeriod';
import { warningLevel } from '../../shared/warningLevel';

export const DEFAULT_DUE_SOON_DAYS = 15;

/** The task list as the grid shows it: every node in tree order with its light and latest progress. */
export function buildTaskListView(
  snap: LedgerSnapshot,
  today: string,
  dueSoonDays = DEFAULT_DUE_SOON_DAYS,
): TaskListView {
  const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
  const roundById = new Map(snap.rounds.map((r) => [r.id, r]));
  const reportsByTask = new Map<number, ProgressReport[]>();
  for (const r of snap.reports) {
    const list = reportsByTask.get(r.taskId) ?? [];
    list.push(r);
    reportsByTask.set(r.taskId, list);
  }
  const rows: TaskRow[] = snap.tasks.map((task) => {
    const reports = reportsByTask.get(task.id) ?? [];
    const recurrence = task.deadline.recurrence;
    const hasReportInCurrentPeriod = recurrence
      ? reports.some((r) => reportDate(r, roundById) >= currentPeriodStart(recurrence, today))
      : undefined;
    return {
      task,
      warning: warningLevel(task, { today, dueSoonDays, hasReportInCurrentPeriod }),
      latest: latestProgress(reports, task.leadUnitIds, roundById, unitName),
    };
  });
  return { today, dueSoonDays, rows, total: rows.length, documents: snap.documents };
}

function reportDate(r: ProgressReport, rounds: Map<number, LedgerSnapshot['rounds'][number]>): string {
  return r.reportedOn ?? rounds.get(r.roundId)?.periodEnd ?? '';
}

/** From the newest round that has any report on the task; the lead unit's words first. */
function latestProgress(
  reports: ProgressReport[],
  leadUnitIds: number[],
  rounds: Map<number, LedgerSnapshot['rounds'][number]>,
  unitName: Map<number, string>,
): LatestProgress | null {
  const newestRound = Math.max(...reports.map((r) => r.roundId));
  const inRound = reports.filter((r) => r.roundId === newestRound);
  const pick = inRound.find((r) => leadUnitIds.includes(r.unitId)) ?? inRound[0];
  // No reports: no round is newest, and nothing is picked.
  if (!pick) return null;
  return {
    roundName: rounds.get(pick.roundId)?.name ?? '',
    unitName: unitName.get(pick.unitId) ?? '',
    status: pick.status,
    percent: pick.percent,
    progress: pick.progress,
  };
}
