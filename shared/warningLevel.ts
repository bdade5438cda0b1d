// 红黄绿灯: one rule set for grid, dashboard and exports.
import type { TaskNode } from './domain';

export type WarningLevel = 'red' | 'yellow' | 'green' | 'grey';

export interface WarningOptions {
  today: string;
  dueSoonDays?: number;
  hasReportInCurrentPeriod?: boolean;
}

const DONE = new Set(['已完成', '已销号']);

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isOverdue(task: Pick<TaskNode, 'status' | 'deadline'>, today: string): boolean {
  return !DONE.has(task.status) && task.deadline.date !== null && task.deadline.date < today;
}

export function warningLevel(task: Pick<TaskNode, 'status' | 'deadline'>, opts: WarningOptions): WarningLevel {
  if (DONE.has(task.status)) return 'grey';
  if (isOverdue(task, opts.today)) return 'red';
  const d = task.deadline;
  if (d.date !== null && d.date <= addDays(opts.today, opts.dueSoonDays ?? 15)) return 'yellow';
  if (d.recurrence !== null && opts.hasReportInCurrentPeriod === false) return 'yellow';
  return 'green';
}
