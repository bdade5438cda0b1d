// Edges of the 红黄绿灯 rules that the grid, dashboard and exports all rely on; the basic cases live in
// warningRules.test.ts.
import { describe, expect, it } from 'vitest';
import type { Deadline, TaskStatus } from '../../../shared/domain';
import {
  isOverdue,
  warningLabel,
  warningLevel,
  WARNING_COLOURS,
  WARNING_LABELS,
  WARNING_LEVELS,
} from '../../../shared/warningLevel';

const task = (status: TaskStatus, deadline: Partial<Deadline>) => ({
  status,
  deadline: { date: null, recurrence: null, ongoing: false, text: '', ...deadline },
});

describe('warningLevel edges', () => {
  it('counts the due-soon window across month and year ends, the last day included', () => {
    expect(warningLevel(task('推进中', { date: '2027-01-07' }), { today: '2026-12-23' })).toBe('yellow');
    expect(warningLevel(task('推进中', { date: '2027-01-08' }), { today: '2026-12-23' })).toBe('green');
    expect(warningLevel(task('推进中', { date: '2024-03-01' }), { today: '2024-02-15' })).toBe('yellow');
  });

  it('with a window of 0 days only work due today is yellow', () => {
    expect(warningLevel(task('推进中', { date: '2026-11-23' }), { today: '2026-11-23', dueSoonDays: 0 })).toBe(
      'yellow',
    );
    expect(warningLevel(task('推进中', { date: '2026-11-24' }), { today: '2026-11-23', dueSoonDays: 0 })).toBe('green');
  });

  it('does not call a recurring task late when nobody said whether it was reported', () => {
    expect(warningLevel(task('推进中', { recurrence: 'monthly', text: '每月' }), { today: '2026-11-23' })).toBe(
      'green',
    );
  });

  it('lets a passed date outrank recurrence, and done outrank both', () => {
    const late = task('推进中', { date: '2026-09-30', recurrence: 'quarterly' });
    expect(warningLevel(late, { today: '2026-11-23', hasReportInCurrentPeriod: true })).toBe('red');
    expect(warningLevel({ ...late, status: '已完成' }, { today: '2026-11-23', hasReportInCurrentPeriod: false })).toBe(
      'grey',
    );
  });

  it('treats 长期坚持 and 未启动 with a passed date as overdue: only 已完成/已销号 stop the clock', () => {
    expect(isOverdue(task('长期坚持', { date: '2025-12-31', ongoing: true }), '2026-11-23')).toBe(true);
    expect(isOverdue(task('未启动', { date: '2025-12-31' }), '2026-11-23')).toBe(true);
    expect(isOverdue(task('已销号', { date: '2025-12-31' }), '2026-11-23')).toBe(false);
    expect(isOverdue(task('推进中', {}), '2026-11-23')).toBe(false);
  });
});

describe('warning labels', () => {
  it('names every level by colour and by meaning, so print and screen readers need no colour', () => {
    expect(WARNING_LEVELS.map((l) => WARNING_COLOURS[l])).toEqual(['红', '黄', '绿', '灰']);
    expect(WARNING_LEVELS.map((l) => WARNING_LABELS[l])).toEqual(['逾期', '临期', '正常', '已完成']);
    expect(warningLabel('red')).toBe('红灯·逾期');
    expect(warningLabel('grey')).toBe('灰灯·已完成');
  });
});
