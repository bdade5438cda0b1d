// The period a recurring task's report is due for today (this quarter, half-year or year).
import type { Recurrence } from './domain';

/** First day (ISO) of the period of a recurrence that contains `today`: the period a report is due for. */
export function currentPeriodStart(recurrence: Recurrence, today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const startMonth = {
    monthly: month,
    quarterly: Math.floor((month - 1) / 3) * 3 + 1,
    half_yearly: month <= 6 ? 1 : 7,
    yearly: 1,
  }[recurrence];
  return `${year}-${String(startMonth).padStart(2, '0')}-01`;
}
