// Shapes passed between the readers and the extractors of a policy document (实施方案).
import type { Deadline, Recurrence, TaskLevel, UnitKind, UnitRole } from '../../../shared/domain';

/** Character offsets [start, end) into DocumentAnalysis.text, so the review UI can highlight the source. */
export interface Span {
  start: number;
  end: number;
}

/** What a reader hands on: paragraphs and tables in reading order, before offsets exist. */
export type RawBlock = RawParagraph | RawTable;

export interface RawParagraph {
  kind: 'para';
  text: string;
  /** The source marked it as a heading (markdown #, Word heading style): never glue it to a neighbour. */
  heading?: boolean;
}

export interface RawCell {
  /** Lines of the cell; a cell may hold several paragraphs (一、… on one line, 1.… on the next). */
  lines: string[];
  /** Set when the cell is the continuation of a merged cell (rowspan/colspan): row and column of its origin. */
  mergedFrom?: { row: number; col: number };
}

export interface RawTable {
  kind: 'table';
  rows: RawCell[][];
}

/** A paragraph placed in the normalized text. */
export interface Line {
  text: string;
  start: number;
  end: number;
  heading: boolean;
  /** Index of the block it came from (tables and lines share one order). */
  order: number;
}

export interface Cell {
  /** Filled down/right from the origin when the cell was merged. */
  text: string;
  lines: string[];
  span: Span;
  filled: boolean;
}

export interface TableBlock {
  order: number;
  rows: Cell[][];
  span: Span;
}

/** The document laid out as one normalized string with everything located in it. */
export interface DocText {
  text: string;
  lines: Line[];
  tables: TableBlock[];
}

export interface UnitRef {
  /** As written in the document (县医保局). */
  name: string;
  role: UnitRole;
  /** Known unit it resolved to, when knownUnits were given. */
  unitId: number | null;
  /** The known unit's name when resolved, else the name as written. */
  resolvedName: string;
  kind: UnitKind;
  span: Span;
}

export interface DeadlineHit {
  deadline: Deadline;
  /** What the words mean beyond a single date. */
  form: 'date' | 'recurrence' | 'ongoing' | 'within_years' | 'start_year' | 'phase';
  /** Phase start (启动阶段（2022年3月—2022年8月）). */
  startDate: string | null;
  span: Span;
}

export interface TargetHit {
  text: string;
  span: Span;
}

export interface ExtractedTask {
  /** Stable within one result: t1, t2 … in tree order. */
  id: string;
  parentId: string | null;
  level: TaskLevel;
  /** Ancestors' headings (label + title), outermost first. */
  path: string[];
  /** The item's own label as printed: 一、 / （一） / 1. / (1); '' for table rows without one. */
  number: string;
  title: string;
  content: string;
  units: UnitRef[];
  leadUnits: string[];
  coUnits: string[];
  deadline: string | null;
  deadlineText: string;
  recurrence: Recurrence | null;
  ongoing: boolean;
  deadlines: DeadlineHit[];
  targets: string[];
  targetHits: TargetHit[];
  /** Whether the clerk is offered this node as ledger work by default. */
  included: boolean;
  /** Why not, in Chinese, when included is false. */
  excludedReason: string;
  /** Where it was read: the numbered text of the body or a row of an appendix table. */
  source: 'body' | 'table';
  span: Span;
  titleSpan: Span;
  /** Deadline or units taken from an ancestor or an earlier 以下同, rather than written on the node. */
  inherited: { deadline: boolean; units: boolean };
  /**
   * Where the reader was unsure, in Chinese, for the review (牵头单位按全文规则推定, 单位写法不确定…).
   * Empty when the item was read from explicit words.
   */
  doubts: string[];
}

export interface GroupMemberOut {
  role: string;
  person: string;
  post: string;
  unit: string;
  span: Span;
}

export interface GroupDutyOut {
  unit: string;
  duty: string;
  span: Span;
}

export interface ExtractedGroup {
  name: string;
  office: string;
  members: GroupMemberOut[];
  duties: GroupDutyOut[];
  span: Span;
}

export interface ProposedUnit {
  name: string;
  kind: UnitKind;
  /** Another name in the same document that looks like its short or long form (县医保局 / 县医疗保障局). */
  sameAs: string[];
  spans: Span[];
}

export interface Milestone {
  name: string;
  startDate: string | null;
  endDate: string | null;
  text: string;
  span: Span;
}

export interface DocumentMeta {
  title: string;
  docNumber: string;
  issuer: string;
  issuedOn: string | null;
}

export interface DocumentAnalysis {
  fileName: string;
  document: DocumentMeta;
  /** Where each metadata value was read; absent when not found. */
  documentSpans: Partial<Record<keyof DocumentMeta, Span>>;
  /** The 印发通知 in front of the plan itself, when there is one. */
  coverSpan: Span | null;
  bodySpan: Span;
  appendixSpans: Span[];
  tasks: ExtractedTask[];
  groups: ExtractedGroup[];
  milestones: Milestone[];
  proposedUnits: ProposedUnit[];
  /** The normalized document text every span points into. */
  text: string;
  warnings: string[];
}

/** The CLI / IPC contract: `npx duban ingest --json FILE` prints exactly this. */
export interface DocumentJson {
  document: DocumentMeta;
  tasks: {
    path: string[];
    number: string;
    title: string;
    content: string;
    leadUnits: string[];
    coUnits: string[];
    deadline: string | null;
    deadlineText: string;
    recurrence: Recurrence | null;
    targets: string[];
  }[];
  groups: {
    name: string;
    office: string;
    members: { role: string; person: string; post: string; unit: string }[];
    duties: { unit: string; duty: string }[];
  }[];
}
