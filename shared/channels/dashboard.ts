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
  dueSoon: DashboardItem[];
  byLeadUnit: UnitCompletion[];
  currentRound: { id: number; name: string; dueOn: string | null; expected: number; reported: string[]; notReported: string[] } | null;
}

export const dashboardChannels = {
  'dashboard:view': channel<DashboardView>()(z.object({})),
};
