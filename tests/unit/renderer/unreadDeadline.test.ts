// Which 完成时限 the grid marks ⚠: words kept as written that are neither a date, a recurrence nor ongoing.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../shared/parseDeadline';
import { isUnreadDeadline } from '../../../renderer/src/pages/tasks/unreadDeadline';

describe('a deadline the app could not read', () => {
  it('is marked when the words give no date, recurrence or ongoing, and only then', () => {
    const unread = (t: string) => isUnreadDeadline(parseDeadline(t, { referenceDate: '2026-11-23' }));
    expect(unread('明年6月')).toBe(true);
    expect(unread('待定')).toBe(true);
    for (const t of ['', '2025年底前', '10月底前', '每季度', '长期坚持', '2026-06-30']) expect(unread(t)).toBe(false);
  });
});
