// The 首页 dashboard's channel and the view it returns.
import { z } from 'zod';
import type { TaskStatus } from '../domain';
import type { WarningLevel } from '../warningLevel';
import { channel } from './define';

export interface DashboardItem {
  id: number;
  number: string;
  content: string;
  deadline: string;
  leadUnits: string;
}

export interface UnitCompletion {
  unitId: number;
  name: string;
  total: number;
  done: number;
  overdue: number;
  /** done / total, 0–100, rounded */
  rate: number;
}

export interface DashboardView {
  today: string;
  dueSoonDays: number;
  items: number;
  byStatus: Record<TaskStatus, number>;
  byWarning: Record<WarningLevel, number>;
  overdue: DashboardItem[];
  /** 临期 with a date: due within dueSoonDays. */
  dueSoon: DashboardItem[];
  /** 临期 without a date: recurring items (每月/每季度…) with no report yet this period. */
  recurringUnreported: DashboardItem[];
  /** Open items whose 完成时限 could not be read as a date or a recurrence ("明年6月"): they get no warning. */
  unreadDeadlines: DashboardItem[];
  byLeadUnit: UnitCompletion[];
  currentRound: {
    id: number;
    name: string;
    dueOn: string | null;
    expected: number;
    reported: string[];
    notReported: string[];
  } | null;
}

export const dashboardChannels = {
  'dashboard:view': channel<DashboardView>()(z.object({})),
};
