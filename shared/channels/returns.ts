// Township returns' channels: files read and previewed against a round, row by row, then committed as decided.
import { z } from 'zod';
import type { ReportFields, TaskStatus } from '../domain';
import { channel, filePathSchema, idSchema } from './define';

/**
 * What the import does with a row: `apply` writes it; `unchanged` (sent back as the template was exported),
 * `empty` (nothing reported) and `kept-existing` (says what the ledger already says) write nothing;
 * `conflict` waits for the clerk to choose; `unmatched` waits for the clerk to pick the work item.
 */
export const RETURN_OUTCOMES = ['apply', 'unchanged', 'empty', 'kept-existing', 'conflict', 'unmatched'] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

export interface ReturnConflict {
  /**
   * duplicate: two rows of the file on one item; id-text: the hidden 任务ID and the row's text name different
   * items; existing: the item already has a different report in this round; moved: the row carries exactly
   * the report our template was exported with for another item (the fill-in columns were sorted).
   */
  kind: 'duplicate' | 'id-text' | 'existing' | 'moved';
  /** For id-text: the item the ID names and the item the text names, for the clerk to pick; for moved: the item whose report it is. */
  candidates: { taskId: number; content: string; score: number; by: 'id' | 'text' | 'record' }[];
}

/** A locked column of our template that the township retyped: never written to the task, shown to the clerk. */
export interface LockedEdit {
  field: '工作内容' | '牵头单位' | '完成时限';
  exported: string;
  returned: string;
}

/** The report the ledger already holds for the row's item, unit and round. */
export interface ExistingReportView extends ReportFields {
  source: string;
  /** 导入 / 手工录入 / 电话报送, with the file name for an import. */
  sourceLabel: string;
  updatedAt: string;
}

export interface ReturnRowView {
  sheet: string;
  row: number;
  taskId: number;
  taskContent: string;
  score: number;
  method: 'template' | 'text' | 'text-all' | 'clerk';
  status: TaskStatus | null;
  percent: number | null;
  deadline: string | null;
  deadlineText: string;
  progress: string;
  problems: string;
  nextSteps: string;
  warnings: string[];
  outcome: ReturnOutcome;
  conflict: ReturnConflict | null;
  lockedEdits: LockedEdit[];
  /** What the ledger holds now for this task, unit and round: the preview shows old → new. */
  before: ExistingReportView | null;
}

export interface ReturnFileView {
  file: string;
  unit: string | null;
  unitId: number | null;
  sha256: string;
  size: number;
  error: { code: string; message: string } | null;
  rows: ReturnRowView[];
  unmatched: {
    sheet: string;
    row: number;
    text: string;
    candidates: { taskId: number; content: string; score: number }[];
    reported: Pick<
      ReturnRowView,
      'status' | 'percent' | 'deadline' | 'deadlineText' | 'progress' | 'problems' | 'nextSteps' | 'warnings'
    >;
  }[];
  conflicts: { taskId: number; rows: { sheet: string; row: number }[] }[];
  notes: string[];
  /** Things the clerk must see before importing this file: another period, another round's template, formulas. */
  warnings: string[];
  /** The file names a period or round other than the chosen one: it is imported only when the clerk confirms. */
  roundCheck: { ok: boolean; suggestedRoundId: number | null };
  /** Nothing in the file is a report (a template sent back untouched, or blank): nothing is written. */
  blank: boolean;
  alreadyImported: { batchId: number; createdAt: string }[];
  /** How each sheet was read, for the clerk to correct: header row, header words, column → field. */
  sheets: {
    name: string;
    headerRow: number;
    headers: string[];
    columns: Partial<Record<ReturnFieldName, number>>;
    signature: string;
    source: 'detected' | 'remembered' | 'clerk';
  }[];
  /**
   * The preview as main holds it (the file's bytes and this reading): re-read and committed by this token, so
   * no file's bytes cross IPC. null for a file that could not be read: there is nothing to re-read or commit.
   */
  token: string | null;
}

export const RETURN_FIELDS = [
  'taskId',
  'number',
  'task',
  'content',
  'unit',
  'progress',
  'problems',
  'nextSteps',
  'percent',
  'deadline',
  'status',
  'notes',
] as const;
export type ReturnFieldName = (typeof RETURN_FIELDS)[number];
export const RETURN_FIELD_LABELS: Record<ReturnFieldName, string> = {
  taskId: '任务ID',
  number: '序号',
  task: '重点任务',
  content: '工作内容',
  unit: '责任单位',
  progress: '完成情况',
  problems: '存在问题',
  nextSteps: '下步打算',
  percent: '完成进度',
  deadline: '完成时限',
  status: '状态',
  notes: '备注',
};

const overrideSchema = z.record(
  z.string(),
  z.object({
    headerRow: z.number().int().min(1).max(50).optional(),
    columns: z.partialRecord(z.enum(RETURN_FIELDS), z.number().int().min(0).max(200)).optional(),
  }),
);

const tokenSchema = z.uuid('预览编号不正确，请重新选择文件。');

export const returnsChannels = {
  /** Files the clerk dropped, read in main from their paths (no file's bytes cross IPC) and held for the commit. */
  'returns:analyze': channel<ReturnFileView[]>()(
    z.object({
      roundId: idSchema,
      paths: z.array(filePathSchema).min(1, '没有选择文件。').max(100, '一次最多导入 100 个文件，请分批导入。'),
      unitId: idSchema.optional(),
    }),
  ),
  /** The clerk clicked 选择文件: main shows the dialog, reads and holds the files; [] when cancelled. */
  'returns:pick': channel<ReturnFileView[]>()(z.object({ roundId: idSchema })),
  /**
   * A held file read again: against another round, for the unit the clerk chose, or with her header-row and
   * column corrections (each, when given, replaces the one held; else the held choice stays).
   */
  'returns:reanalyze': channel<ReturnFileView>()(
    z.object({
      token: tokenSchema,
      roundId: idSchema,
      unitId: idSchema.optional(),
      overrides: overrideSchema.optional(),
    }),
  ),
  /** Previews the clerk dropped (移除, 清空, leaving the page): main lets go of their bytes. */
  'returns:release': channel<{ released: number }>()(z.object({ tokens: z.array(tokenSchema).max(1000) })),
  /**
   * Held previews written as the clerk decided: per file its token and the rows she ticked, each by where it is
   * in the file, with the work item she matched it to and whether it replaces a different report of the round.
   * The reports themselves come from the held preview, and column corrections are remembered for the township.
   */
  'returns:commit': channel<{ batchIds: number[]; rows: number; skippedFiles: string[] }>()(
    z.object({
      roundId: idSchema,
      files: z
        .array(
          z.object({
            token: tokenSchema,
            rows: z
              .array(
                z.object({
                  sheet: z.string().max(100),
                  row: z.number().int().min(1).max(1_048_576),
                  taskId: idSchema,
                  /** The clerk chose this row over a different report already in the round. */
                  overwrite: z.boolean(),
                }),
              )
              .max(20000),
          }),
        )
        .min(1, '没有可以导入的文件。')
        .max(200),
    }),
  ),
};
