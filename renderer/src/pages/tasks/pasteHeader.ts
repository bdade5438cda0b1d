// The header row of a block copied from Excel/WPS: found under title rows, read in any column order and wording.

export type PasteField = 'number' | 'task' | 'content' | 'lead' | 'co' | 'units' | 'deadline' | 'status' | 'notes';

export const PASTE_FIELD_LABELS: Record<PasteField, string> = {
  number: '序号',
  task: '重点任务',
  content: '工作内容',
  lead: '牵头单位',
  co: '配合单位',
  units: '责任单位',
  deadline: '完成时限',
  status: '状态',
  notes: '备注',
};

/**
 * Words the appendix tables of different offices use for the same column, matched whole (after spaces and
 * bracketed notes are dropped), so a data cell such as 县卫生健康局牵头 is never taken for a header.
 */
const UNIT_SUFFIX = '(?:责任)?(?:单位|部门|科室|股室)?';
const HEADER_WORDS: [RegExp, PasteField][] = [
  [/^(序号|编号|序)$/, 'number'],
  [
    /^(主要)?(工作内容|任务内容|工作任务|具体工作|具体内容|工作措施|主要内容|工作举措|具体措施|主要工作|工作要求)$/,
    'content',
  ],
  [/^(重点任务|主要任务|任务名称|任务|重点工作|工作重点)$/, 'task'],
  [new RegExp(`^(主要)?牵头${UNIT_SUFFIX}$`), 'lead'],
  [new RegExp(`^(配合|协同|协办|参与)${UNIT_SUFFIX}$`), 'co'],
  [/^(责任|承办|实施)(单位|部门|科室|股室|主体)$/, 'units'],
  [/^(完成时限|时限|时限要求|时间节点|完成时间|完成期限|计划完成时间|进度安排|时间安排)$/, 'deadline'],
  [/^(状态|进展状态|完成状态|完成情况)$/, 'status'],
  [/^(备注|说明)$/, 'notes'],
];

/** Header cells are short labels; a long cell is data even when it happens to contain 牵头 or 时限. */
const LONGEST_HEADER_CELL = 10;

/** 序 号 and 完成时限（时间节点） are the same labels as 序号 and 完成时限. */
const normalise = (cell: string) =>
  cell
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*＊:：]/g, '');

export function headerField(cell: string): PasteField | undefined {
  const text = normalise(cell);
  if (!text || text.length > LONGEST_HEADER_CELL) return undefined;
  return HEADER_WORDS.find(([re]) => re.test(text))?.[1];
}

/** The fields of a header row, or null when the row reads as data. */
export function detectHeader(row: string[]): (PasteField | undefined)[] | null {
  const fields = row.map(headerField);
  const known = new Set(fields.filter(Boolean)).size;
  return known >= 2 && known >= row.filter(Boolean).length / 2 ? fields : null;
}

export interface FoundHeader {
  /** Index of the header's first row; the rows above it are titles (…重点任务清单), not data. */
  at: number;
  /** Rows the header takes: two when a merged 责任单位 is split into 牵头/配合 on the row below. */
  height: number;
  fields: (PasteField | undefined)[];
}

/** Copies often start with the table's title or a 填报单位 line: a header is looked for in the first 3 rows. */
const HEADER_SEARCH_ROWS = 3;

export function findHeader(rows: string[][]): FoundHeader | null {
  for (let at = 0; at < Math.min(HEADER_SEARCH_ROWS, rows.length); at++) {
    const fields = detectHeader(rows[at] ?? []);
    if (!fields) continue;
    const below = rows[at + 1] ?? [];
    const belowFields = below.map(headerField);
    const belowIsHeader = below.some(Boolean) && below.every((cell, i) => !cell || belowFields[i]);
    if (!belowIsHeader) return { at, height: 1, fields };
    const merged = fields.map((f, i) => belowFields[i] ?? f);
    belowFields.forEach((f, i) => (merged[i] ??= f));
    return { at, height: 2, fields: merged };
  }
  return null;
}
