import { z } from 'zod';
import { TASK_LEVELS, UNIT_KINDS, type TaskLevel, type UnitKind } from '../domain';
import { channel, isoDateSchema } from './define';

/** Offsets [start, end) into IngestReview.text: what the review highlights when an item is clicked. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** A policy document as read, for the clerk to review before anything is saved. */
export interface IngestReview {
  fileName: string;
  sha256: string;
  alreadyImported: { batchId: number; createdAt: string }[];
  document: { title: string; docNumber: string; issuer: string; issuedOn: string | null };
  text: string;
  tasks: {
    id: string;
    parentId: string | null;
    level: TaskLevel;
    path: string[];
    number: string;
    title: string;
    content: string;
    leadUnits: string[];
    coUnits: string[];
    deadlineText: string;
    targets: string[];
    included: boolean;
    excludedReason: string;
    span: SourceSpan;
  }[];
  groups: {
    name: string;
    office: string;
    members: { role: string; person: string; post: string; unit: string; span: SourceSpan }[];
    duties: { unit: string; duty: string; span: SourceSpan }[];
    span: SourceSpan;
  }[];
  /** Names in the document that are not yet units of the ledger. */
  proposedUnits: { name: string; kind: UnitKind; sameAs: string[] }[];
  warnings: string[];
}

const text = (label: string, max: number) => z.string().trim().max(max, `${label}太长（最多 ${max} 个字）。`);
const names = z.array(text('单位名称', 100)).max(60);

export const ingestSaveSchema = z.object({
  fileName: text('文件名', 260),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  document: z.object({
    title: text('文件标题', 300).min(1, '请填写文件标题。'),
    docNumber: text('文号', 100),
    issuer: text('发文机关', 200),
    issuedOn: isoDateSchema.nullable(),
  }),
  /** Names the clerk agreed to add as units, with their kind. */
  newUnits: z.array(z.object({ name: text('单位名称', 100).min(1), kind: z.enum(UNIT_KINDS) })).max(500),
  /** Included nodes in tree order; parentKey refers to an earlier node of this list. */
  tasks: z
    .array(
      z.object({
        key: z.string().max(40),
        parentKey: z.string().max(40).nullable(),
        level: z.enum(TASK_LEVELS),
        number: text('序号', 20),
        title: text('标题', 500),
        content: text('内容', 8000),
        leadUnits: names,
        coUnits: names,
        deadlineText: text('完成时限', 100),
        targets: z.array(text('目标', 500)).max(50),
      }),
    )
    .max(5000),
  groups: z
    .array(
      z.object({
        name: text('领导小组名称', 200).min(1),
        office: text('办公室', 100),
        members: z.array(z.object({ role: text('职务', 20), person: text('姓名', 50), post: text('职务', 200), unit: text('单位', 100) })).max(500),
        duties: z.array(z.object({ unit: text('单位', 100), duty: text('职责', 4000) })).max(500),
      }),
    )
    .max(20),
});

export interface IngestSaveOutcome {
  batchId: number;
  documentId: number;
  units: number;
  sections: number;
  tasks: number;
  items: number;
  groups: number;
}

export const ingestChannels = {
  /** The clerk dropped a file: its bytes come as base64 (no path crosses to the renderer). */
  'ingest:analyse': channel<IngestReview>()(z.object({ fileName: text('文件名', 260), dataBase64: z.string().max(60_000_000, '文件太大（超过 40 MB），请拆分后再导入。') })),
  /** The clerk clicked 选择文件: main shows the dialog and reads the file; null when cancelled. */
  'ingest:pick': channel<IngestReview | null>()(z.object({})),
  'ingest:save': channel<IngestSaveOutcome>()(ingestSaveSchema),
};
