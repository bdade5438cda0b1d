// Policy documents' channels: a document read for review, saved, compared with the ledger's copy, updated.
import { z } from 'zod';
import type { DocumentMatch } from '../documentIdentity';
import { TASK_LEVELS, UNIT_KINDS, type TaskLevel, type UnitKind } from '../domain';
import type { ReviewFlagCounts } from '../flagReviewItems';
import { channel, filePathSchema, idSchema, isoDateSchema } from './define';

/** Offsets [start, end) into DocumentDraft.text: what the review highlights when an item is clicked. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** A policy document as read, for the clerk to review before anything is saved. */
export interface DocumentDraft {
  fileName: string;
  sha256: string;
  /** The file's size in bytes, recorded with its import. */
  size: number;
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
    /** Where the reader was unsure, in Chinese (牵头单位按全文规则推定…); [] when read from explicit words. */
    doubts: string[];
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
  /** Every name (aliases too) the ledger's units are known by: a unit named otherwise is flagged. */
  ledgerUnitNames: string[];
  /** The document of the ledger this one is (same 文号, same title and issuer, or the same file); null when it is new. */
  duplicateOf: SameDocumentInLedger | null;
  warnings: string[];
}

export interface SameDocumentInLedger {
  documentId: number;
  title: string;
  docNumber: string;
  issuer: string;
  /** When it was saved to the ledger (ISO). */
  createdAt: string;
  matchedBy: DocumentMatch[];
  /** Work items of it in the ledger and the progress reports they hold. */
  items: number;
  reports: number;
}

const text = (label: string, max: number) => z.string().trim().max(max, `${label}太长（最多 ${max} 个字）。`);
const names = z.array(text('单位名称', 100)).max(60);

export const documentSaveSchema = z.object({
  fileName: text('文件名', 260),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's size in bytes (DocumentDraft.size), recorded with the import batch. */
  size: z.number().int().min(0).optional(),
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
        doubts: z.array(text('需核对原因', 300)).max(20).optional(),
      }),
    )
    .max(5000),
  groups: z
    .array(
      z.object({
        name: text('领导小组名称', 200).min(1),
        office: text('办公室', 100),
        members: z
          .array(
            z.object({
              role: text('职务', 20),
              person: text('姓名', 50),
              post: text('职务', 200),
              unit: text('单位', 100),
            }),
          )
          .max(500),
        duties: z.array(z.object({ unit: text('单位', 100), duty: text('职责', 4000) })).max(500),
      }),
    )
    .max(20),
  /** The clerk saw the flagged items (缺牵头单位, 需核对…) and chose 仍然保存. */
  confirmedFlags: z.boolean().optional(),
});

/** 更新已有文件: the reviewed document compared with (and written over) the one the ledger holds. */
export const documentCompareSchema = documentSaveSchema.extend({ documentId: idSchema });
export const documentUpdateSchema = documentCompareSchema.extend({
  /** Items of the ledger's document that the new reading no longer has and the clerk ticked for the 回收站. */
  removeTaskIds: z.array(idSchema).max(5000),
});

/** One node of the diff, named as the clerk knows it. */
export interface DiffNode {
  level: TaskLevel;
  /** 序号 and words, shortened. */
  label: string;
}

export interface DocumentChanges {
  documentId: number;
  /** In the new reading only. */
  added: (DiffNode & { key: string; under: string })[];
  /** In both, with different words, units or deadline: updated in place, so their reports stay. */
  changed: (DiffNode & { taskId: number; changes: { field: string; before: string; after: string }[] })[];
  /** In the ledger only (the topmost of each removed branch); moved to the 回收站 only when ticked. */
  removed: (DiffNode & { taskId: number; items: number; reports: number })[];
  unchanged: number;
}

export interface DocumentUpdateOutcome {
  batchId: number;
  documentId: number;
  units: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface DocumentSaveOutcome {
  batchId: number;
  documentId: number;
  units: number;
  sections: number;
  tasks: number;
  items: number;
  groups: number;
  /** The document's groups the ledger already had by name: kept as they were, not created again. */
  groupsKept: string[];
  /** Items saved as they were although flagged (the clerk chose 仍然保存). */
  flags: ReviewFlagCounts;
}

export const documentChannels = {
  /** The clerk dropped a file: main reads it from its path (no file's bytes cross IPC). */
  'documents:analyze': channel<DocumentDraft>()(z.object({ path: filePathSchema })),
  /** The clerk clicked 选择文件: main shows the dialog and reads the file; null when cancelled. */
  'documents:pick': channel<DocumentDraft | null>()(z.object({})),
  'documents:save': channel<DocumentSaveOutcome>()(documentSaveSchema),
  /** What 更新已有文件 would do: nothing is written. */
  'documents:compare': channel<DocumentChanges>()(documentCompareSchema),
  'documents:update': channel<DocumentUpdateOutcome>()(documentUpdateSchema),
};
