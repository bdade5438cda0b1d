// 导出's channels: task lists, per-unit dispatch, 填报模板, rosters, 调度通报, and opening what was written.
import { z } from 'zod';
import { TASK_STATUSES } from '../domain';
import { WARNING_LEVELS } from '../warningLevel';
import { channel, idSchema, isoDateSchema } from './define';

export const TASK_LIST_COLUMN_NAMES = [
  '序号',
  '重点任务',
  '工作内容',
  '牵头单位',
  '配合单位',
  '完成时限',
  '状态',
  '最新进展',
  '备注',
] as const;

/** The columns the 导出 page starts with, and the CLI's `export tasks` always uses. */
export const DEFAULT_TASK_LIST_COLUMNS: (typeof TASK_LIST_COLUMN_NAMES)[number][] = [
  '序号',
  '重点任务',
  '工作内容',
  '牵头单位',
  '配合单位',
  '完成时限',
  '状态',
];

const text = (max: number, label?: string) =>
  z
    .string()
    .trim()
    .max(max, label ? `“${label}”太长（最多 ${max} 个字）。` : undefined);

export const exportFilterSchema = z
  .object({
    unitId: idSchema.nullable(),
    /** One plan per export: the document whose work items are listed; null = 全部 (a neutral title). */
    documentId: idSchema.nullable(),
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
  /** Units asked for that have no work in the chosen range: no empty sheet or file was made for them. */
  noWork?: string[];
}

/** What the clerk types for the 调度通报 (kept with the round). */
export interface BulletinTexts {
  /** 发文机关, printed above the date. */
  issuer: string;
  /** 存在问题, one paragraph a line. */
  problems: string;
  /** 下步工作要求, one paragraph a line. */
  requirements: string;
}

/** 简称 in the unit columns (县医保局 for 县医疗保障局). */
const shortNamesSchema = z.boolean({ error: '“使用简称”应为是或否。' }).optional();

export const exportChannels = {
  'export:tasks': channel<ExportOutcome>()(
    z.object({
      title: text(200).min(1, '请填写表格标题。'),
      attachmentLabel: text(20, '附件编号'),
      madeBy: text(200, '制表单位'),
      columns: z.array(z.enum(TASK_LIST_COLUMN_NAMES)).min(1, '请至少选择一列。'),
      filter: exportFilterSchema,
      shortNames: shortNamesSchema,
    }),
  ),
  'export:dispatch': channel<ExportOutcome>()(
    z.object({
      unitIds: z.array(idSchema).min(1, '请至少选择一个单位。').max(500),
      mode: z.enum(['files', 'sheets']),
      columns: z.array(z.enum(TASK_LIST_COLUMN_NAMES)).min(1, '请至少选择一列。'),
      /** The plan the sheets list (its appendix title); null = 全部. */
      documentId: idSchema.nullable().optional(),
      title: text(200).optional(),
      attachmentLabel: text(20, '附件编号').optional(),
      shortNames: shortNamesSchema,
    }),
  ),
  'export:template': channel<ExportOutcome>()(
    z.object({ unitIds: z.array(idSchema).min(1, '请至少选择一个单位。').max(500), roundId: idSchema }),
  ),
  'export:roster': channel<ExportOutcome>()(
    z.object({ groupId: idSchema, attachmentLabel: text(20, '附件编号').optional() }),
  ),
  /** The 调度通报 as a Word 公文 with the Excel bulletin beside it as its data annex (or the Excel alone). */
  'export:bulletin': channel<ExportOutcome>()(
    z.object({
      roundId: idSchema,
      format: z.enum(['docx', 'xlsx']).default('docx'),
      issuer: text(60).optional(),
      problems: text(5000).optional(),
      requirements: text(5000).optional(),
    }),
  ),
  /** The bulletin's paragraphs and issuer as last saved with the round (issuer: the ledger's, when none was). */
  'export:bulletinTexts': channel<BulletinTexts>()(z.object({ roundId: idSchema })),
  /** Keeps the clerk's 存在问题、下步工作要求 and issuer with the round (audited, undoable). */
  'export:saveBulletinTexts': channel<BulletinTexts>()(
    z.object({
      roundId: idSchema,
      issuer: text(60, '发文机关'),
      problems: text(5000, '存在问题'),
      requirements: text(5000, '下步工作要求'),
    }),
  ),
  /** Open a file this session exported, or show it in its folder. */
  'export:open': channel<{ ok: true }>()(z.object({ file: text(1000), folder: z.boolean() })),
};
