// 红黄绿灯: one rule set for grid, dashboard and exports.
import type { TaskNode } from './domain';

export const WARNING_LEVELS = ['red', 'yellow', 'green', 'grey'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export interface WarningOptions {
  /** ISO date (YYYY-MM-DD). Passed in, never read from the clock, so a meeting print and a test agree. */
  today: string;
  /** 临期 window; the ledger setting, 15 days unless the clerk changed it. */
  dueSoonDays?: number;
  /**
   * For a recurring task (每季度…): whether any report arrived in the current period. Left undefined
   * when the caller does not know, which is not the same as "none arrived" and does not turn it yellow.
   */
  hasReportInCurrentPeriod?: boolean;
}

/** The light's colour word, for places where colour cannot be shown (print, screen readers). */
export const WARNING_COLOURS: Record<WarningLevel, string> = { red: '红', yellow: '黄', green: '绿', grey: '灰' };
/** What the light means to a clerk. */
export const WARNING_LABELS: Record<WarningLevel, string> = {
  red: '逾期',
  yellow: '临期',
  green: '正常',
  grey: '已完成',
};

/** 红灯·逾期 — colour and meaning together, e.g. for a legend or a black-and-white print. */
export function warningLabel(level: WarningLevel): string {
  return `${WARNING_COLOURS[level]}灯·${WARNING_LABELS[level]}`;
}

const DONE = new Set(['已完成', '已销号']);

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Overdue from the day after the deadline: work due today is still on time. */
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
