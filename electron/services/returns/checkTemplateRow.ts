// A returned row of our own 填报模板 against what the template was exported with (its hidden record)
// and against the hidden 任务ID: retyped locked cells, rows sent back as exported, reports moved onto
// another item's row, and IDs the row's own text contradicts.
import type { LockedEdit, ReturnConflict, ReturnRowView } from '../../../shared/channels/returns';
import { cleanCell, normalizeForMatch, toHalfWidthAlnum } from '../../../shared/normalizeText';
import { AMBIGUOUS_GAP, queryOfKey, rankQuery, scorePair, type MatchIndex } from './matchWorkItem';
import type { TemplateRecord, TemplateRowRecord } from './templateRecord';

type ReturnRow = Omit<ReturnRowView, 'before'>;
type Reported = Pick<
  ReturnRowView,
  'status' | 'percent' | 'deadline' | 'deadlineText' | 'progress' | 'problems' | 'nextSteps' | 'warnings'
>;

/** What these checks need to know of the ledger's work items. */
export interface ItemLookup {
  /** A work item's text by task id, undefined for an id that is no work item. */
  contentOf: (taskId: number) => string | undefined;
  /** A work item's normalized text. */
  keyOf: (taskId: number) => string;
  /** What our template shows in its locked columns for a work item, as the ledger holds it now. */
  lockedOf: (taskId: number) => { content: string; units: string; deadline: string };
  /**
   * The row's normalized text and the ledger's items (places in the whole index) with exactly that text,
   * looked up by the raw text when a row copies a work item verbatim, as most rows do.
   */
  exactly: (text: string) => { key: string; places: readonly number[] };
}

/** Cleaned as a returned cell is, so that a value written by the template compares equal when read back. */
const cleanedText = (s: string) => cleanCell(toHalfWidthAlnum(s));
const compact = (s: string) => cleanedText(s).replace(/\s+/g, '');
/** Unit lists compare by their names, whatever separates them. */
const unitKey = (s: string) => compact(s).replace(/[、，,；;/]+/g, '、');

/** Sent back exactly as exported: every fill-in field as the template held it. */
function isUnchanged(row: Reported, was: TemplateRowRecord): boolean {
  return (
    cleanedText(was.progress) === row.progress &&
    cleanedText(was.problems) === row.problems &&
    cleanedText(was.nextSteps) === row.nextSteps &&
    (was.percent ?? null) === (row.percent ?? null) &&
    (was.status ?? null) === (row.status ?? null)
  );
}

/**
 * A matched row of our own template, against what the template was exported with: locked cells the
 * township retyped are listed (rows matched by ID always, against the ledger if the record is gone;
 * rows matched by text when the file is our template, its ID column deleted); a row as exported is
 * 未改动; and a row carrying exactly the report exported for another item, which only a sort of the
 * fill-in columns puts there, waits for the clerk.
 */
export function againstTemplate(
  row: ReturnRow,
  reported: Reported,
  returnedLocked: { content: string; units: string; deadline: string | null },
  record: TemplateRecord | null,
  ledger: ItemLookup,
  byId: boolean,
): ReturnRow {
  if (row.conflict) return row;
  const was = record?.rows.get(row.taskId);
  if (byId || record) {
    row.lockedEdits = lockedEdits(returnedLocked, was ?? ledger.lockedOf(row.taskId));
    for (const e of row.lockedEdits)
      reported.warnings.push(
        `乡镇改写了${e.field}：${e.exported || '（空）'} → ${e.returned || '（空）'}（未写入台账，如需调整请在任务清单中修改）`,
      );
  }
  if (row.outcome !== 'apply' || !record) return row;
  if (was && isUnchanged(reported, was)) {
    row.outcome = 'unchanged';
    return row;
  }
  const elsewhere =
    exportedFillOwners(record)
      .get(fillSignature(reported))
      ?.filter((id) => id !== row.taskId) ?? [];
  const [other] = elsewhere;
  if (other !== undefined) {
    row.outcome = 'conflict';
    row.conflict = {
      kind: 'moved',
      candidates: [{ taskId: other, content: ledger.contentOf(other) ?? '', score: 1, by: 'record' }],
    };
    reported.warnings.push(
      '本行的填报内容与导出时另一项任务已有的内容完全相同，可能是排序时移动了填报列，请核对后再勾选。',
    );
  }
  return row;
}

const fillSignature = (r: Pick<Reported, 'progress' | 'percent' | 'status' | 'problems' | 'nextSteps'>) =>
  JSON.stringify([r.progress, r.percent ?? null, r.status ?? null, r.problems, r.nextSteps]);

/** Per record, which items were exported with each non-empty report. */
const fillOwners = new WeakMap<TemplateRecord, Map<string, number[]>>();
function exportedFillOwners(record: TemplateRecord): Map<string, number[]> {
  let owners = fillOwners.get(record);
  if (!owners) {
    owners = new Map();
    for (const was of record.rows.values()) {
      const fill = {
        progress: cleanedText(was.progress),
        percent: was.percent,
        status: was.status,
        problems: cleanedText(was.problems),
        nextSteps: cleanedText(was.nextSteps),
      };
      // Only a report with words in it says which item it belongs to; a bare 推进中 or 50 could be anyone's.
      if (!fill.progress && !fill.problems && !fill.nextSteps) continue;
      const key = fillSignature(fill);
      owners.set(key, [...(owners.get(key) ?? []), was.taskId]);
    }
    fillOwners.set(record, owners);
  }
  return owners;
}

/**
 * The hidden 任务ID is trusted only while the row's own text agrees with it. A township that unprotects
 * the sheet and sorts the visible columns leaves the IDs where they were and moves the texts: then the
 * ID names one item and the text another, and the clerk chooses; nothing is applied by the ID alone.
 */
export function matchByTemplateId(
  matched: ReturnRow,
  work: string,
  reported: Reported,
  all: MatchIndex,
  ledger: ItemLookup,
): ReturnRow {
  const taskId = matched.taskId;
  const content = matched.taskContent;
  if (!work) return matched;
  const { key, places } = ledger.exactly(work);
  const idKey = ledger.keyOf(taskId);
  if (key === idKey) return matched;
  const idScore = scorePair(key, idKey);
  const exactOther = places.flatMap((p) => all.items[p] ?? []).filter((item) => item.id !== taskId);
  const [firstOther] = exactOther;
  const byText = firstOther
    ? { taskId: firstOther.id, content: firstOther.content, score: 1 }
    : (rankQuery(queryOfKey(key), all).find((c) => c.taskId !== taskId) ?? null);
  // Text retyped a little still names its own item; text that names another item better is a contradiction.
  if (byText && byText.score >= 0.6 && byText.score > idScore + AMBIGUOUS_GAP) {
    const conflict: ReturnConflict = {
      kind: 'id-text',
      candidates: [
        { taskId, content, score: idScore, by: 'id' },
        { taskId: byText.taskId, content: byText.content, score: byText.score, by: 'text' },
      ],
    };
    reported.warnings.push(
      '隐藏的任务ID与本行的工作内容指向不同的任务（可能排序时只移动了部分列），请选定对应的任务。',
    );
    return { ...matched, score: idScore, outcome: 'conflict', conflict };
  }
  return matched;
}

/** Locked columns the township retyped, against what the template was exported with (or the ledger now). */
function lockedEdits(
  returned: { content: string; units: string; deadline: string | null },
  exported: { content: string; units: string; deadline: string },
): LockedEdit[] {
  const edits: LockedEdit[] = [];
  if (returned.content && normalizeForMatch(returned.content) !== normalizeForMatch(exported.content)) {
    edits.push({ field: '工作内容', exported: exported.content, returned: returned.content });
  }
  if (returned.units && unitKey(returned.units) !== unitKey(exported.units))
    edits.push({ field: '牵头单位', exported: exported.units, returned: returned.units });
  if (returned.deadline !== null && compact(returned.deadline) !== compact(exported.deadline)) {
    edits.push({ field: '完成时限', exported: exported.deadline, returned: returned.deadline });
  }
  return edits;
}
