import { z } from 'zod';
import type { PolicyDocument } from '../domain';
import { channel, idSchema } from './define';

export const BIN_KINDS = ['unit', 'task', 'group', 'round', 'document'] as const;
export type BinKind = (typeof BIN_KINDS)[number];

/**
 * What hung on a deleted item, as the bin lists it. `ref*` are rows that stay in the ledger but pointed at
 * the item (a task citing a deleted document); the delete emptied those references and a restore refills them.
 */
export interface BinCounts {
  sections: number;
  tasks: number;
  items: number;
  reports: number;
  unitLinks: number;
  members: number;
  duties: number;
  roundUnits: number;
  mappings: number;
  refTasks: number;
  /** The work items among refTasks: the number a clerk knows from 任务清单. */
  refItems: number;
  refGroups: number;
  refMembers: number;
  refDuties: number;
  refImports: number;
}

export const EMPTY_BIN_COUNTS: BinCounts = {
  sections: 0,
  tasks: 0,
  items: 0,
  reports: 0,
  unitLinks: 0,
  members: 0,
  duties: 0,
  roundUnits: 0,
  mappings: 0,
  refTasks: 0,
  refItems: 0,
  refGroups: 0,
  refMembers: 0,
  refDuties: 0,
  refImports: 0,
};

export interface RecycleBinEntry {
  id: number;
  kind: BinKind;
  /** 单位 / 部分 / 重点任务 / 工作内容 / 领导小组 / 调度轮次 / 文件 */
  kindLabel: string;
  label: string;
  deletedAt: string;
  actor: string;
  counts: BinCounts;
}

export interface RestoreOutcome {
  id: number;
  kind: BinKind;
  kindLabel: string;
  label: string;
  /** The id the item has again (a new one when its old id was taken meanwhile). */
  rootId: number;
  /** Rows left out because what they belonged to was deleted for good (e.g. reports of a purged round). */
  lost: BinCounts;
}

export interface DocumentListItem extends PolicyDocument {
  taskCount: number;
  /** The work items among taskCount. */
  itemCount: number;
  groupCount: number;
}

export const recycleBinChannels = {
  'recycleBin:list': channel<RecycleBinEntry[]>()(z.object({})),
  'recycleBin:restore': channel<RestoreOutcome>()(z.object({ id: idSchema })),
  'recycleBin:purge': channel<{ purged: number }>()(z.object({ id: idSchema })),
  'recycleBin:empty': channel<{ purged: number }>()(z.object({})),
  'documents:list': channel<DocumentListItem[]>()(z.object({})),
  'documents:delete': channel<{ deleted: number }>()(z.object({ id: idSchema })),
};
