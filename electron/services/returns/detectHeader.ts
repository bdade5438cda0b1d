// Finds the header row of a township's return and which column holds what, whatever words the township used.
import { toHalfWidth } from '../../../shared/normalizeText';
import type { CellValue, SheetGrid } from './readReturnFile';

export type ReturnField =
  | 'taskId'
  | 'number'
  | 'task'
  | 'content'
  | 'unit'
  | 'progress'
  | 'problems'
  | 'nextSteps'
  | 'percent'
  | 'deadline'
  | 'status'
  | 'notes';

/** Header words townships use, in the order they are tried (the more specific first). */
const SYNONYMS: [ReturnField, RegExp][] = [
  ['taskId', /^任务ID$|^任务编号$/i],
  ['number', /^(序号|编号|序)$/],
  ['content', /^(工作内容|任务内容|工作任务|具体任务|具体内容|工作措施|主要内容)$/],
  ['task', /^(重点任务|任务|主要任务|任务名称)$/],
  ['unit', /^(责任单位|牵头单位|责任部门|牵头部门|承办单位)$/],
  ['problems', /^(存在问题|存在困难|存在的问题|问题|困难和问题|存在问题及困难)$/],
  ['nextSteps', /^(下步打算|下步计划|下一步打算|下一步计划|下步工作|下步措施)$/],
  ['percent', /^(完成进度|完成比例|完成率|进度|完成百分比)(（%）|\(%\)|%)?$/],
  ['deadline', /^(完成时限|时限要求|计划完成时间|完成时间|时间节点|时限)$/],
  ['status', /^(状态|完成状态|进展状态|推进状态)$/],
  ['progress', /^(进展情况|完成情况|工作进展|推进情况|工作完成情况|落实情况|进展|目前进展)$/],
  ['notes', /^(备注|说明)$/],
];

export function fieldOf(cell: CellValue): ReturnField | null {
  if (typeof cell !== 'string') return null;
  const text = toHalfWidth(cell).replace(/\s+/g, '');
  return SYNONYMS.find(([, re]) => re.test(text))?.[0] ?? null;
}

export interface DetectedHeader {
  /** 0-based index of the last header row; data starts after it. */
  lastHeaderRow: number;
  firstHeaderRow: number;
  columns: Partial<Record<ReturnField, number>>;
}

const SCAN_ROWS = 20;

/**
 * The header is the row (within the first 20) that names the most known columns, needing a work-item
 * column (or our 任务ID) and something reported. A parent cell merged over sub-headers
 * (推进情况 → 完成情况/存在问题/下步打算) is read from the row below.
 */
export type ColumnMapping = Partial<Record<ReturnField, number>>;

/** What the clerk (or a mapping remembered for this township) says about a sheet. */
export interface SheetOverride {
  /** 1-based row of the (last) header row. */
  headerRow?: number;
  columns?: ColumnMapping;
}

/** The header row's words, normalized: a township sending the same layout again gets the same signature. */
export function headerSignature(sheet: SheetGrid, header: DetectedHeader): string {
  const first = sheet.rows[header.firstHeaderRow] ?? [];
  const last = sheet.rows[header.lastHeaderRow] ?? [];
  return first
    .map((c, i) =>
      `${String(c ?? '')}/${header.lastHeaderRow > header.firstHeaderRow ? String(last[i] ?? '') : ''}`.replace(
        /\s+/g,
        '',
      ),
    )
    .join('|');
}

export function headerWords(sheet: SheetGrid, header: DetectedHeader): string[] {
  const first = sheet.rows[header.firstHeaderRow] ?? [];
  const last = sheet.rows[header.lastHeaderRow] ?? [];
  const width = Math.max(first.length, last.length);
  return Array.from({ length: width }, (_, i) => {
    const top = String(first[i] ?? '').trim();
    const below = header.lastHeaderRow > header.firstHeaderRow ? String(last[i] ?? '').trim() : '';
    return below && below !== top ? `${top}/${below}` : top;
  });
}

/** The clerk's header row and column choices win over detection; columns not named keep their detected field. */
export function applyOverride(
  sheet: SheetGrid,
  detected: DetectedHeader | null,
  override?: SheetOverride,
): DetectedHeader | null {
  if (!override) return detected;
  let header = detected;
  if (override.headerRow !== undefined) {
    const r = override.headerRow - 1;
    const columns: ColumnMapping = {};
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const f = fieldOf(cell);
      if (f && columns[f] === undefined) columns[f] = c;
    });
    header = { firstHeaderRow: r, lastHeaderRow: r, columns };
  }
  if (!header && override.columns) header = { firstHeaderRow: 0, lastHeaderRow: 0, columns: {} };
  if (header && override.columns) {
    const taken = new Set(Object.values(override.columns));
    const kept = Object.fromEntries(Object.entries(header.columns).filter(([, c]) => !taken.has(c)));
    header = { ...header, columns: { ...kept, ...override.columns } };
  }
  return header;
}

export function detectHeader(sheet: SheetGrid, remembered?: ColumnMapping): DetectedHeader | null {
  let best: DetectedHeader | null = null;
  let bestScore = 0;
  for (const [r, row] of sheet.rows.slice(0, SCAN_ROWS).entries()) {
    const columns: Partial<Record<ReturnField, number>> = {};
    // A header row names columns itself; a title above a header (填报单位：…) is not a parent row.
    if (!row.some((cell) => fieldOf(cell))) continue;
    const below = sheet.rows[r + 1] ?? [];
    let usedBelow = false;
    row.forEach((cell, c) => {
      const sub = fieldOf(below[c] ?? null);
      const own = fieldOf(cell);
      // A sub-header under a merged parent wins; the parent's own word only when nothing is below.
      const field = sub && below[c] !== cell ? sub : own;
      if (sub && below[c] !== cell) usedBelow = true;
      if (field && columns[field] === undefined) columns[field] = c;
    });
    const score = Object.keys(columns).length;
    const hasWork = columns.content !== undefined || columns.taskId !== undefined || columns.task !== undefined;
    const hasReport = ['progress', 'percent', 'status', 'problems', 'nextSteps'].some(
      (f) => columns[f as ReturnField] !== undefined,
    );
    if (hasWork && hasReport && score > bestScore) {
      bestScore = score;
      best = { firstHeaderRow: r, lastHeaderRow: usedBelow ? r + 1 : r, columns };
    }
  }
  if (best && remembered) best.columns = { ...best.columns, ...remembered };
  return best;
}
