import { z } from 'zod';
import { TASK_STATUSES } from '../domain';
import { WARNING_LEVELS } from '../warningLevel';
import { channel, idSchema, isoDateSchema } from './define';

export const TASK_LIST_COLUMN_NAMES = ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态', '最新进展', '备注'] as const;

const text = (max: number) => z.string().trim().max(max);

export const exportFilterSchema = z
  .object({
    unitId: idSchema.nullable(),
    status: z.union([z.enum(TASK_STATUSES), z.literal('逾期'), z.literal('')]),
    warning: z.union([z.enum(WARNING_LEVELS), z.literal('')]),
    deadlineFrom: z.union([isoDateSchema, z.literal('')]),
    deadlineTo: z.union([isoDateSchema, z.literal('')]),
  })
  .partial();

export interface ExportOutcome {
  /** null when the clerk cancelled the save dialog. */
  files: string[];
  items: number;
  /** Files of a folder export that could not be written (open in Excel…), each with the reason. */
  failed?: string[];
}

export const exportChannels = {
  'export:tasks': channel<ExportOutcome>()(
    z.object({
      title: text(200).min(1, '请填写表格标题。'),
      attachmentLabel: text(20),
      madeBy: text(200),
      columns: z.array(z.enum(TASK_LIST_COLUMN_NAMES)).min(1, '请至少选择一列。'),
      filter: exportFilterSchema,
    }),
  ),
  'export:dispatch': channel<ExportOutcome>()(
    z.object({
      unitIds: z.array(idSchema).min(1, '请至少选择一个单位。').max(500),
      mode: z.enum(['files', 'sheets']),
      columns: z.array(z.enum(TASK_LIST_COLUMN_NAMES)).min(1),
    }),
  ),
  'export:template': channel<ExportOutcome>()(z.object({ unitIds: z.array(idSchema).min(1, '请至少选择一个单位。').max(500), roundId: idSchema })),
  'export:roster': channel<ExportOutcome>()(z.object({ groupId: idSchema })),
  'export:bulletin': channel<ExportOutcome>()(z.object({ roundId: idSchema })),
  /** Open a file this session exported, or show it in its folder. */
  'export:open': channel<{ ok: true }>()(z.object({ file: text(1000), folder: z.boolean() })),
};
