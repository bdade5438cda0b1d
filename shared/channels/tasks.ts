// 任务清单's channels: the task list view and detail, and every edit of tasks (cell, bulk, move, paste, 销号).
import { z } from 'zod';
import {
  TASK_LEVELS,
  TASK_STATUSES,
  type PolicyDocument,
  type ProgressReport,
  type TaskNode,
  type TaskStatus,
} from '../domain';
import type { PackedTaskListView } from '../packTaskList';
import { TASK_TEXT_LIMITS as MAX } from '../textLimits';
import type { WarningLevel } from '../warningLevel';
import { channel, idSchema, isoDateSchema } from './define';

export interface LatestProgress {
  roundName: string;
  unitName: string;
  status: TaskStatus | null;
  percent: number | null;
  progress: string;
}

export interface TaskRow {
  task: TaskNode;
  warning: WarningLevel;
  latest: LatestProgress | null;
}

export interface TaskListView {
  today: string;
  dueSoonDays: number;
  rows: TaskRow[];
  /** Rows in the whole list; more than rows.length when only the first rows were asked for. */
  total: number;
  documents: PolicyDocument[];
}

export interface TaskDetail {
  task: TaskNode;
  path: string[];
  reports: (ProgressReport & { roundName: string; unitName: string })[];
  history: { at: string; actor: string; action: string; changes: { field: string; before: string; after: string }[] }[];
}

const text = (label: string, max: number) => z.string().trim().max(max, `${label}太长（最多 ${max} 个字）。`);
const unitIds = z.array(idSchema).max(60, '责任单位太多。');

export const taskPatchSchema = z
  .object({
    number: text('序号', MAX.number),
    title: text('标题', MAX.title),
    content: text('工作内容', MAX.content),
    targets: z.array(text('目标', MAX.target)).max(50),
    leadUnitIds: unitIds,
    coUnitIds: unitIds,
    /** The clerk's words (2025年底前, 每季度, 长期坚持) or an ISO date from the picker; main parses them. */
    deadlineText: text('完成时限', MAX.deadlineText),
    status: z.enum(TASK_STATUSES, '状态不正确，请从下拉列表中选择。'),
    notes: text('备注', MAX.notes),
  })
  .partial();

export const taskCreateSchema = z.object({
  level: z.enum(TASK_LEVELS),
  /** Where the new node goes: under this parent (null for a section) … */
  parentId: idSchema.nullable(),
  /** … right after this sibling, or last when absent. */
  afterId: idSchema.optional(),
  fields: taskPatchSchema.optional(),
});

export const closeOutSchema = z.object({
  ids: z.array(idSchema).min(1, '请先选择要销号的任务。'),
  closedBy: z.string().trim().min(1, '请填写审核人。').max(50),
  closedOn: isoDateSchema,
});

export const bulkUpdateSchema = z.object({
  ids: z.array(idSchema).min(1, '请先勾选要批量设置的任务。').max(20000),
  patch: taskPatchSchema.pick({ leadUnitIds: true, coUnitIds: true, deadlineText: true, status: true }),
});

export const pasteSchema = z.object({
  /** The section new 重点任务 are created in; null when the block only adds to existing tasks. */
  sectionId: idSchema.nullable(),
  creates: z
    .array(
      z.object({
        task: z.union([
          z.object({ id: idSchema }),
          z.object({ title: text('重点任务', MAX.title).min(1), number: text('序号', MAX.number) }),
        ]),
        fields: taskPatchSchema,
      }),
    )
    .min(1, '没有可以粘贴的行。')
    .max(5000, '一次最多粘贴 5000 行。'),
});

export const taskChannels = {
  // first: only the first rows in appendix order, so a large list opens at once and the rest follows.
  'tasks:view': channel<TaskListView>()(z.object({ first: z.number().int().min(1).max(5000).optional() })),
  // The same view packed one array per row (shared/packTaskList.ts): what the 任务清单 page loads.
  'tasks:viewPacked': channel<PackedTaskListView>()(z.object({ first: z.number().int().min(1).max(5000).optional() })),
  'tasks:detail': channel<TaskDetail>()(z.object({ id: idSchema })),
  'tasks:create': channel<TaskNode>()(taskCreateSchema),
  'tasks:update': channel<TaskNode>()(z.object({ id: idSchema, patch: taskPatchSchema })),
  'tasks:delete': channel<{ deleted: number }>()(z.object({ id: idSchema })),
  'tasks:closeOut': channel<TaskNode[]>()(closeOutSchema),
  'tasks:bulkUpdate': channel<{ updated: number }>()(bulkUpdateSchema),
  'tasks:move': channel<TaskNode>()(
    z.object({ id: idSchema, parentId: idSchema.nullable(), index: z.number().int().min(0) }),
  ),
  'tasks:changeLevel': channel<TaskNode>()(z.object({ id: idSchema, direction: z.enum(['in', 'out']) })),
  'tasks:overwrite': channel<{ updated: number }>()(
    z.object({
      updates: z
        .array(z.object({ id: idSchema, patch: taskPatchSchema }))
        .min(1, '没有要改动的单元格。')
        .max(20000),
    }),
  ),
  'tasks:paste': channel<{ created: number; tasksCreated: number }>()(pasteSchema),
};
