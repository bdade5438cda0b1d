// Domain vocabulary shared by main and renderer. Names follow the glossary in README.md.

export const UNIT_KINDS = [
  'county_department',
  'township',
  'bureau_section',
  'health_institution',
  'collective',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  county_department: '县直部门',
  township: '乡镇（街道）',
  bureau_section: '局机关股室',
  health_institution: '医疗卫生单位',
  collective: '集合',
  other: '其他',
};

/** Statuses a person may set. 逾期 is derived from the deadline and never stored. */
export const TASK_STATUSES = ['未启动', '推进中', '已完成', '已销号', '长期坚持'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** section = 部分 (一、), task = 重点任务 (（一）/1.), item = 工作内容. */
export const TASK_LEVELS = ['section', 'task', 'item'] as const;
export type TaskLevel = (typeof TASK_LEVELS)[number];

export const RECURRENCES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  yearly: '每年',
};

/** A deadline always keeps the clerk's original words beside what was understood of them. */
export interface Deadline {
  /** ISO date (YYYY-MM-DD): the date itself or the end of the named period; null when none. */
  date: string | null;
  recurrence: Recurrence | null;
  /** 长期坚持 / 常态化 / 持续推进 */
  ongoing: boolean;
  /** The words as written (2025年底前, 每季度, 长期坚持); '' when none. */
  text: string;
}

export type UnitRole = 'lead' | 'co';

export interface Unit {
  id: number;
  name: string;
  shortName: string;
  kind: UnitKind;
  aliases: string[];
  contactPerson: string;
  phone: string;
  active: boolean;
  sortOrder: number;
}

export interface PolicyDocument {
  id: number;
  title: string;
  docNumber: string;
  issuer: string;
  issuedOn: string | null;
}

export interface TaskNode {
  id: number;
  parentId: number | null;
  documentId: number | null;
  level: TaskLevel;
  /** The label as printed: 一、 / （一） / 1. / （1） */
  number: string;
  title: string;
  content: string;
  targets: string[];
  leadUnitIds: number[];
  coUnitIds: number[];
  deadline: Deadline;
  status: TaskStatus;
  closedBy: string;
  closedOn: string | null;
  notes: string;
  sortOrder: number;
}

export const GROUP_ROLES = ['组长', '常务副组长', '副组长', '成员', '办公室主任', '办公室副主任', '联络员'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export interface LeadershipGroup {
  id: number;
  name: string;
  documentId: number | null;
  officeUnitId: number | null;
  officeDirector: string;
  establishedOn: string | null;
}

export interface GroupMember {
  id: number;
  groupId: number;
  role: string;
  personName: string;
  post: string;
  unitId: number | null;
  sortOrder: number;
  validFrom: string | null;
  validTo: string | null;
}

export interface GroupDuty {
  id: number;
  groupId: number;
  unitId: number | null;
  unitName: string;
  duty: string;
  sortOrder: number;
}

export interface ProgressRound {
  id: number;
  name: string;
  periodStart: string | null;
  periodEnd: string | null;
  dueOn: string | null;
  closed: boolean;
}

/** What a progress report says: 状态, 完成进度 (0–100), 完成情况, 存在问题, 下步打算. */
export interface ReportFields {
  status: TaskStatus | null;
  percent: number | null;
  progress: string;
  problems: string;
  nextSteps: string;
}

export interface ProgressReport extends ReportFields {
  id: number;
  taskId: number;
  unitId: number;
  roundId: number;
  /** 'manual' (typed in / phone call), 'import' (from a return), 'demo' */
  source: string;
  importBatchId: number | null;
  reportedOn: string | null;
  /** When it was last written (ISO date-time): the import preview shows it beside a report it would replace. */
  updatedAt: string;
}

export interface RoundUnit {
  roundId: number;
  unitId: number;
}

/** Everything in a ledger as plain data: what exports, imports and summaries read. */
export interface LedgerSnapshot {
  documents: PolicyDocument[];
  units: Unit[];
  /** In tree order: each node after its parent, siblings by sortOrder. */
  tasks: TaskNode[];
  groups: LeadershipGroup[];
  members: GroupMember[];
  duties: GroupDuty[];
  rounds: ProgressRound[];
  roundUnits: RoundUnit[];
  reports: ProgressReport[];
}

// ---- read models the ledger's repositories return (the channels re-export them) ----

/**
 * Why a backup was taken: once a day at start, or just before a change that is hard to take back;
 * 'other' is a file IT points the CLI at that is not named like ours.
 */
export type BackupKind = 'daily' | 'import' | 'document' | 'migration' | 'restore' | 'manual' | 'other';

export type ReportState = 'reported' | 'missing' | 'overdue';
export interface UnitReportStatus {
  unitId: number;
  unitName: string;
  /** False for a unit that reported although the round did not list it. */
  expected: boolean;
  reportCount: number;
  lastReportedOn: string | null;
  state: ReportState;
}

export interface UnitReport extends ProgressReport {
  taskContent: string;
}

export interface UnitTask {
  taskId: number;
  number: string;
  content: string;
  role: 'lead' | 'co';
  status: TaskStatus;
}

export const BIN_KINDS = ['unit', 'task', 'group', 'round', 'document', 'member', 'duty'] as const;
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

/**
 * The editing page a change belongs to: each page's 撤销/重做 (and Ctrl+Z/Ctrl+Y) takes back only its own
 * changes, so Ctrl+Z on 任务清单 never undoes a unit added on 责任单位.
 */
export const UNDO_PAGES = ['tasks', 'units', 'groups', 'rounds'] as const;
export type UndoPage = (typeof UNDO_PAGES)[number];
