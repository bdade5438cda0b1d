// The 首页 dashboard: counts by status and 红黄绿灯, overdue and due-soon items, each unit's completion.
import { unitsReportedIn } from '../../shared/reportFields';
import type { DashboardItem, DashboardView, UnitCompletion } from '../../shared/channels/dashboard';
import { TASK_STATUSES, type Deadline, type LedgerSnapshot, type TaskStatus } from '../../shared/domain';
import type { WarningLevel } from '../../shared/warningLevel';
import { buildTaskListView, DEFAULT_DUE_SOON_DAYS } from './taskListView';

const DONE: TaskStatus[] = ['已完成', '已销号'];

/** The 首页 numbers, all from one snapshot so they agree with the task list and the exports. */
export function buildDashboardView(
  snap: LedgerSnapshot,
  today: string,
  dueSoonDays = DEFAULT_DUE_SOON_DAYS,
): DashboardView {
  const view = buildTaskListView(snap, today, dueSoonDays);
  const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
  const items = view.rows.filter((r) => r.task.level === 'item');
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const byWarning: Record<WarningLevel, number> = { red: 0, yellow: 0, green: 0, grey: 0 };
  for (const r of items) {
    byStatus[r.task.status] += 1;
    byWarning[r.warning] += 1;
  }
  const toItem = (r: (typeof items)[number]): DashboardItem => ({
    id: r.task.id,
    number: r.task.number,
    content: r.task.content,
    deadline: r.task.deadline.text || r.task.deadline.date || '',
    leadUnits: r.task.leadUnitIds.map((id) => unitName.get(id) ?? '').join('、'),
  });
  const byDate = (a: (typeof items)[number], b: (typeof items)[number]) =>
    (a.task.deadline.date ?? '').localeCompare(b.task.deadline.date ?? '');

  const perUnit = new Map<number, UnitCompletion>();
  for (const r of items) {
    for (const unitId of r.task.leadUnitIds) {
      const u = perUnit.get(unitId) ?? {
        unitId,
        name: unitName.get(unitId) ?? '',
        total: 0,
        done: 0,
        overdue: 0,
        rate: 0,
      };
      u.total += 1;
      if (DONE.includes(r.task.status)) u.done += 1;
      if (r.warning === 'red') u.overdue += 1;
      perUnit.set(unitId, u);
    }
  }
  const byLeadUnit = [...perUnit.values()]
    .map((u) => ({ ...u, rate: Math.round((u.done / u.total) * 100) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));

  return {
    today,
    dueSoonDays,
    items: items.length,
    byStatus,
    byWarning,
    overdue: items
      .filter((r) => r.warning === 'red')
      .sort(byDate)
      .map(toItem),
    dueSoon: items
      .filter((r) => r.warning === 'yellow' && r.task.deadline.date)
      .sort(byDate)
      .map(toItem),
    recurringUnreported: items.filter((r) => r.warning === 'yellow' && !r.task.deadline.date).map(toItem),
    unreadDeadlines: items
      .filter((r) => !DONE.includes(r.task.status) && isUnreadDeadline(r.task.deadline))
      .map(toItem),
    byLeadUnit,
    currentRound: currentRound(snap, unitName),
  };
}

/** A 完成时限 typed but read as neither a date, a recurrence nor 长期坚持: no light can warn about it. */
function isUnreadDeadline(deadline: Deadline): boolean {
  return Boolean(deadline.text.trim()) && !deadline.date && !deadline.recurrence && !deadline.ongoing;
}

/** The newest open round (or the newest of all): who was expected to report and who has. */
function currentRound(snap: LedgerSnapshot, unitName: Map<number, string>): DashboardView['currentRound'] {
  const open = snap.rounds.filter((r) => !r.closed);
  const round = (open.length ? open : snap.rounds).at(-1);
  if (!round) return null;
  const expected = snap.roundUnits.filter((ru) => ru.roundId === round.id).map((ru) => ru.unitId);
  const reportedIds = unitsReportedIn(snap.reports, round.id);
  const names = (ids: number[]) => ids.map((id) => unitName.get(id) ?? '');
  return {
    id: round.id,
    name: round.name,
    dueOn: round.dueOn,
    expected: expected.length,
    reported: names(expected.filter((id) => reportedIds.has(id))),
    notReported: names(expected.filter((id) => !reportedIds.has(id))),
  };
}
