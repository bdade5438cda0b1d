// 调度轮次's channels: rounds created, viewed, closed and deleted; each unit's tasks and reports, typed in too.
import { z } from 'zod';
import {
  TASK_STATUSES,
  type ProgressReport,
  type ProgressRound,
  type ReportState,
  type UnitReport,
  type UnitReportStatus,
  type UnitTask,
} from '../domain';
import { channel, idSchema, isoDateSchema } from './define';

export type { ReportState, UnitReport, UnitReportStatus, UnitTask } from '../domain';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  reported: '已报送',
  missing: '未报送',
  overdue: '逾期未报',
};

/** Where a report came from; stored as the code, shown as the label. */
export const REPORT_SOURCE_LABELS: Record<string, string> = {
  phone: '电话',
  manual: '手工录入',
  import: '导入',
  demo: '示例',
};

export interface RoundSummary extends ProgressRound {
  expectedCount: number;
  reportedCount: number;
}

export interface RoundView {
  round: ProgressRound;
  today: string;
  units: UnitReportStatus[];
}

export interface RoundUnitChoice {
  unitId: number;
  name: string;
  /** Ticked by default: leads or helps on a task not yet finished. */
  suggested: boolean;
}

const text = (label: string, max: number) => z.string().trim().max(max, `${label}太长（最多 ${max} 个字）。`);

export const roundCreateSchema = z.object({
  name: text('轮次名称', 100).min(1, '调度轮次名称不能为空，例如“2024年第二季度调度”。'),
  periodStart: isoDateSchema.nullable(),
  periodEnd: isoDateSchema.nullable(),
  dueOn: isoDateSchema,
  unitIds: z.array(idSchema).min(1, '请至少勾选一个需要报送的单位。').max(1000),
});

export const manualReportSchema = z.object({
  roundId: idSchema,
  unitId: idSchema,
  taskId: idSchema,
  status: z.enum(TASK_STATUSES, '状态不正确，请从下拉列表中选择。').nullable(),
  percent: z
    .number('完成进度应为 0 到 100 之间的数字。')
    .min(0, '完成进度不能小于 0。')
    .max(100, '完成进度不能大于 100。')
    .nullable(),
  progress: text('完成情况', 4000),
  problems: text('存在问题', 4000),
  nextSteps: text('下步打算', 4000),
  source: z.enum(['phone', 'manual'], '请选择报送方式（电话或手工录入）。'),
});

export const roundChannels = {
  'rounds:list': channel<RoundSummary[]>()(z.object({})),
  'rounds:unitChoices': channel<RoundUnitChoice[]>()(z.object({})),
  'rounds:create': channel<ProgressRound>()(roundCreateSchema),
  'rounds:view': channel<RoundView>()(z.object({ id: idSchema })),
  'rounds:update': channel<ProgressRound>()(
    z.object({
      id: idSchema,
      patch: roundCreateSchema.pick({ name: true, periodStart: true, periodEnd: true, dueOn: true }).partial(),
    }),
  ),
  'rounds:close': channel<ProgressRound>()(z.object({ id: idSchema })),
  'rounds:delete': channel<{ deleted: number }>()(z.object({ id: idSchema })),
  'rounds:unitReports': channel<UnitReport[]>()(z.object({ roundId: idSchema, unitId: idSchema })),
  'rounds:unitTasks': channel<UnitTask[]>()(z.object({ unitId: idSchema })),
  'rounds:saveReport': channel<ProgressReport>()(manualReportSchema),
};
