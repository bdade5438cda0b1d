// A 完成时限 the app could not read as a date, a recurrence or an ongoing task ("明年6月"): kept as written,
// but it takes no part in the red/yellow lights, so the grid says so instead of showing it as on track.
import type { Deadline } from '@shared/domain';

export const UNREAD_DEADLINE_HINT = '未识别为日期，不参与预警';

export function isUnreadDeadline(d: Deadline): boolean {
  return Boolean(d.text.trim()) && !d.date && !d.recurrence && !d.ongoing;
}
