// What the clerk should look at again before a policy document is saved: items offered for the ledger
// with no lead unit, with a unit the ledger does not know (and that will not be added), or that the
// reader was unsure about. Used by the review (colours, counts, the ask before saving) and by the save
// handler, which refuses a save with flags the clerk has not confirmed.

export type ReviewFlagKind = 'noLead' | 'unknownUnit' | 'doubt';

export interface FlaggableItem {
  id: string;
  parentId: string | null;
  level: 'section' | 'task' | 'item';
  /** Absent means offered (a save plan holds only what the clerk kept). */
  included?: boolean;
  leadUnits: string[];
  coUnits: string[];
  /** Reasons the reader was unsure, in Chinese (牵头单位按全文规则推定…). */
  doubts?: string[];
}

export interface ReviewFlag {
  kind: ReviewFlagKind;
  /** One sentence for the clerk, shown on hover and in the detail. */
  reason: string;
}

export interface ReviewFlagCounts {
  noLead: number;
  unknownUnit: number;
  doubt: number;
}

export interface ReviewFlags {
  /** Flags of each flagged item by id; items without flags are absent. */
  byId: Map<string, ReviewFlag[]>;
  /** Items (not flags) per kind: an item missing a lead and with a doubt counts once in each. */
  counts: ReviewFlagCounts;
  /** Flagged item ids in list order, for 下一处. */
  ids: string[];
}

/**
 * Units are judged against every name the ledger knows a unit by (`knownUnits`, aliases included) and
 * the names the clerk agreed to add (`acceptedNewUnits`). Only work is flagged: 部分 never carry units,
 * and a 重点任务 with work items under it leaves the units to them.
 */
export function flagReviewItems(
  items: readonly FlaggableItem[],
  knownUnits: Iterable<string>,
  acceptedNewUnits: Iterable<string> = [],
): ReviewFlags {
  const known = new Set(knownUnits);
  for (const n of acceptedNewUnits) known.add(n);
  const offered = (t: FlaggableItem) => t.included !== false;
  const withChildren = new Set(items.filter((t) => offered(t) && t.parentId !== null).map((t) => t.parentId!));
  const byId = new Map<string, ReviewFlag[]>();
  const counts: ReviewFlagCounts = { noLead: 0, unknownUnit: 0, doubt: 0 };
  const ids: string[] = [];
  for (const t of items) {
    if (!offered(t) || t.level === 'section' || (t.level === 'task' && withChildren.has(t.id))) continue;
    const flags: ReviewFlag[] = [];
    if (t.leadUnits.filter((u) => u.trim()).length === 0)
      flags.push({ kind: 'noLead', reason: '缺牵头单位：请填写牵头单位，或确认这一项确实没有牵头单位' });
    const unknown = [...new Set([...t.leadUnits, ...t.coUnits].filter((u) => u.trim() && !known.has(u)))];
    if (unknown.length) {
      flags.push({
        kind: 'unknownUnit',
        reason: `单位未识别：${unknown.map((u) => `“${u}”`).join('、')}不在责任单位名单中，也没有勾选新增。请勾选“新增”或改成已有单位`,
      });
    }
    const doubts = (t.doubts ?? []).filter(Boolean);
    if (doubts.length) flags.push({ kind: 'doubt', reason: `需核对：${doubts.join('；')}` });
    if (!flags.length) continue;
    byId.set(t.id, flags);
    ids.push(t.id);
    for (const kind of new Set(flags.map((f) => f.kind))) counts[kind] += 1;
  }
  return { byId, counts, ids };
}

const COUNT_WORDS: [ReviewFlagKind, string][] = [
  ['noLead', '项缺牵头单位'],
  ['unknownUnit', '项单位未识别'],
  ['doubt', '项需核对'],
];

/** "3 项缺牵头单位 · 2 项单位未识别 · 1 项需核对", only the parts that are not zero; '' when nothing is flagged. */
export function describeFlagCounts(counts: ReviewFlagCounts): string {
  return COUNT_WORDS.filter(([k]) => counts[k] > 0)
    .map(([k, words]) => `${counts[k]} ${words}`)
    .join(' · ');
}

export function hasFlags(counts: ReviewFlagCounts): boolean {
  return counts.noLead + counts.unknownUnit + counts.doubt > 0;
}
