// The 红黄绿灯 rules: red past the deadline, yellow when due soon or a period lacks its report, else green.
import { describe, expect, it } from 'vitest';
import type { Deadline, TaskStatus } from '../../../shared/domain';
import { currentPeriodStart } from '../../../shared/recurrencePeriod';
import { isOverdue, warningLevel } from '../../../shared/warningLevel';

const task = (status: TaskStatus, deadline: Partial<Deadline>) => ({
  status,
  deadline: { date: null, recurrence: null, ongoing: false, text: '', ...deadline },
});
const today = '2026-11-23';

describe('红黄绿 rules', () => {
  it('red when the deadline has passed and the work is not done', () => {
    expect(warningLevel(task('推进中', { date: '2026-11-22' }), { today })).toBe('red');
    expect(warningLevel(task('未启动', { date: '2025-12-31' }), { today })).toBe('red');
    expect(isOverdue(task('推进中', { date: '2026-11-22' }), today)).toBe(true);
  });

  it('not red on the deadline day itself', () => {
    expect(warningLevel(task('推进中', { date: today }), { today })).toBe('yellow');
    expect(isOverdue(task('推进中', { date: today }), today)).toBe(false);
  });

  it('yellow within N days (15 by default, or as set), green beyond', () => {
    expect(warningLevel(task('推进中', { date: '2026-12-08' }), { today })).toBe('yellow');
    expect(warningLevel(task('推进中', { date: '2026-12-09' }), { today })).toBe('green');
    expect(warningLevel(task('推进中', { date: '2026-12-09' }), { today, dueSoonDays: 30 })).toBe('yellow');
  });

  it('yellow for a recurring task whose current period has no report yet', () => {
    expect(warningLevel(task('推进中', { recurrence: 'quarterly' }), { today, hasReportInCurrentPeriod: false })).toBe(
      'yellow',
    );
    expect(warningLevel(task('推进中', { recurrence: 'quarterly' }), { today, hasReportInCurrentPeriod: true })).toBe(
      'green',
    );
    expect(currentPeriodStart('quarterly', today)).toBe('2026-10-01');
    expect(currentPeriodStart('half_yearly', today)).toBe('2026-07-01');
    expect(currentPeriodStart('monthly', today)).toBe('2026-11-01');
    expect(currentPeriodStart('yearly', today)).toBe('2026-01-01');
  });

  it('grey once done or closed out, whatever the date; ongoing work without a date is green', () => {
    expect(warningLevel(task('已完成', { date: '2020-01-01' }), { today })).toBe('grey');
    expect(warningLevel(task('已销号', { date: '2020-01-01' }), { today })).toBe('grey');
    expect(warningLevel(task('长期坚持', { ongoing: true }), { today })).toBe('green');
  });
});
