// Matches a return row's words to the ledger's work item it reports on, by exact text or shared character pairs.
import { distance } from 'fastest-levenshtein';
import { normalizeForMatch } from '../../../shared/normalizeText';
import { GramNumbers, packGram } from './gramNumbers';

export interface MatchCandidate {
  taskId: number;
  content: string;
  score: number;
}

export interface MatchableItem {
  id: number;
  content: string;
  /** normalizeForMatch(content), computed once. */
  key: string;
}

/**
 * A ledger's work items, normalized and cut into two-character grams once; the whole ledger's index
 * and each township's narrower one share it. Grams are numbered densely so that tallies and overlaps
 * are array reads rather than set lookups.
 */
interface Corpus {
  items: MatchableItem[];
  /** Normalized text → places in items, ascending. */
  exact: Map<string, number[]>;
  /** packGram → dense number. */
  gramIds: GramNumbers;
  /** Item p's distinct grams are gramList[gramStart[p] … gramStart[p + 1]). */
  gramStart: Int32Array;
  gramList: Int32Array;
}

/**
 * Work items indexed for matching many rows: the exact normalized text, and which items share each
 * two-character gram. Grams found in more than a twentieth of the ledger (医疗, 卫生) say little and
 * would make every row touch every item, so they are left out of the index.
 */
export interface MatchIndex {
  corpus: Corpus;
  items: MatchableItem[];
  /** Where each of items sits in the corpus, ascending. */
  members: Int32Array;
  /** Places in items of those holding gram g: postings[offsets[g] … offsets[g + 1]), ascending; none for the common grams. */
  offsets: Int32Array;
  postings: Int32Array;
}

/** A row's text, normalized and cut into grams once for every index it is ranked against. */
export interface MatchQuery {
  key: string;
  /** Distinct grams in the order they first occur: ties between candidates are broken by this order. */
  grams: number[];
  /** The grams' dense numbers in the corpus last asked about, in the same order, leaving out grams it lacks. */
  known: { corpus: Corpus; ids: number[] } | null;
}

export const AUTO_MATCH_SCORE = 0.8;
/** Two candidates this close are a choice for the clerk, not for the machine. */
export const AMBIGUOUS_GAP = 0.05;
/** How many items sharing the most grams get a dice score, and how many of those the edit distance. */
const ROUGH_KEEP = 24;
const FINE_KEEP = 8;

/** For text already normalized with normalizeForMatch. */
export function queryOfKey(key: string): MatchQuery {
  const seen = new Set<number>();
  for (let i = 0; i < key.length - 1; i++) seen.add(packGram(key, i));
  return { key, grams: [...seen], known: null };
}

function knownIds(query: MatchQuery, corpus: Corpus): number[] {
  if (query.known?.corpus !== corpus) {
    const ids: number[] = [];
    for (const g of query.grams) {
      const id = corpus.gramIds.get(g);
      if (id !== undefined) ids.push(id);
    }
    query.known = { corpus, ids };
  }
  return query.known.ids;
}

/** The whole list's index; narrowMatchIndex cuts others from it. */
export function buildMatchIndex(list: readonly { id: number; content: string }[]): MatchIndex {
  const items = list.map(({ id, content }) => ({ id, content, key: normalizeForMatch(content) }));
  const exact = new Map<string, number[]>();
  const gramIds = new GramNumbers();
  const gramStart = new Int32Array(items.length + 1);
  const gramList = new Int32Array(items.reduce((n, item) => n + Math.max(0, item.key.length - 1), 0));
  // lastItem[g] = p + 1 once gram g has been listed for item p: each item lists a gram once.
  const lastItem: number[] = [];
  let written = 0;
  for (const [p, { key }] of items.entries()) {
    const same = exact.get(key);
    if (same) same.push(p);
    else exact.set(key, [p]);
    for (let i = 0; i < key.length - 1; i++) {
      const id = gramIds.number(packGram(key, i));
      if (id === lastItem.length) lastItem.push(0);
      if (lastItem[id] === p + 1) continue;
      lastItem[id] = p + 1;
      gramList[written++] = id;
    }
    gramStart[p + 1] = written;
  }
  const corpus: Corpus = { items, exact, gramIds, gramStart, gramList };
  const everyItem = new Int32Array(items.length);
  for (let p = 0; p < items.length; p++) everyItem[p] = p;
  return indexOf(corpus, everyItem);
}

/**
 * The index buildMatchIndex would give for parent.items at these places (ascending), without
 * normalizing or numbering anything again: a township's own list costs one pass over its items.
 */
export function narrowMatchIndex(parent: MatchIndex, places: readonly number[]): MatchIndex {
  return indexOf(
    parent.corpus,
    Int32Array.from(places, (p) => parent.members[p]!),
  );
}

/*
 * The matcher's arrays index each other by construction, and every read below stays in range (hence
 * the `!`s): gramStart has one entry per corpus item plus one, gramList holds gram ids below
 * gramIds.size, offsets one entry per gram plus one, postings places in index.items, members corpus
 * item numbers. The loops are the per-row hot path, so they stay index loops over typed arrays.
 */

function indexOf(corpus: Corpus, members: Int32Array): MatchIndex {
  const { gramStart, gramList } = corpus;
  const items: MatchableItem[] = [];
  for (const p of members) items.push(corpus.items[p]!);
  const grams = corpus.gramIds.size;
  const counts = new Int32Array(grams);
  for (const p of members) {
    for (let k = gramStart[p]!, end = gramStart[p + 1]!; k < end; k++) counts[gramList[k]!]! += 1;
  }
  const cap = Math.max(50, Math.ceil(items.length / 20));
  const offsets = new Int32Array(grams + 1);
  for (let g = 0; g < grams; g++) offsets[g + 1] = offsets[g]! + (counts[g]! > cap ? 0 : counts[g]!);
  const postings = new Int32Array(offsets[grams]!);
  const next = offsets.slice(0, grams);
  for (const [i, p] of members.entries()) {
    for (let k = gramStart[p]!, end = gramStart[p + 1]!; k < end; k++) {
      const g = gramList[k]!;
      if (counts[g]! <= cap) postings[next[g]!++] = i;
    }
  }
  return { corpus, items, members, offsets, postings };
}

/** The items in this index whose normalized text is exactly key, as places in index.items, in order. Not to be changed. */
export function exactMatches(index: MatchIndex, key: string): readonly number[] {
  const all = index.corpus.exact.get(key);
  if (!all) return [];
  // The whole ledger's index lists every corpus item in place.
  if (index.items.length === index.corpus.items.length) return all;
  const places: number[] = [];
  for (const p of all) {
    const i = placeIn(index, p);
    if (i >= 0) places.push(i);
  }
  return places;
}

/** Whether corpus item p is one of this index's items. */
export function holds(index: MatchIndex, p: number): boolean {
  return placeIn(index, p) >= 0;
}

/** Where corpus item p sits in index.items, or -1; a binary search, as exact hits are one or two items. */
function placeIn(index: MatchIndex, p: number): number {
  const { members } = index;
  let lo = 0;
  let hi = members.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (members[mid] === p) return mid;
    if (members[mid]! < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Scratch, reused so that ranking a row allocates next to nothing (each allocation is a step towards
 * a collection that has to copy the rows still being read): tallies per place in an index, the
 * places touched, counts per tally value, and marks per gram; all left zero between calls.
 */
let tally = new Int32Array(1024);
let touchedScratch = new Int32Array(1024);
let byTally = new Int32Array(64);
let marked = new Uint8Array(1024);

/** Puts place i into list, kept in descending tally order, after those with the same tally (a stable sort's order). */
function insertByTally(list: number[], tallies: number[], i: number, t: number): void {
  let j = list.length;
  list.push(i);
  tallies.push(t);
  while (j > 0 && tallies[j - 1]! < t) {
    list[j] = list[j - 1]!;
    tallies[j] = tallies[j - 1]!;
    j -= 1;
  }
  list[j] = i;
  tallies[j] = t;
}

/**
 * The few items worth a closer look (places in index.items): exact text first, else the ROUGH_KEEP
 * sharing the most indexed grams, ties in the order the row's grams first reach them. Picks exactly
 * what a stable sort of every touched item by tally would, without sorting thousands to keep two dozen.
 */
function roughCandidates(query: MatchQuery, index: MatchIndex): readonly number[] {
  const same = exactMatches(index, query.key);
  if (same.length) return same;
  if (tally.length < index.items.length) {
    tally = new Int32Array(Math.max(index.items.length, tally.length * 2));
    touchedScratch = new Int32Array(tally.length);
  }
  if (byTally.length <= query.grams.length)
    byTally = new Int32Array(Math.max(query.grams.length + 1, byTally.length * 2));
  const counts = tally;
  const histogram = byTally;
  const touched = touchedScratch;
  const { offsets, postings } = index;
  let touchedCount = 0;
  let most = 0;
  for (const id of knownIds(query, index.corpus)) {
    for (let k = offsets[id]!, end = offsets[id + 1]!; k < end; k++) {
      const i = postings[k]!;
      if (counts[i]!++ === 0) touched[touchedCount++] = i;
      else if (counts[i]! > most) most = counts[i]!;
    }
  }
  if (touchedCount === 0) return index.items.length <= 2000 ? [...index.items.keys()] : [];
  // The lowest tally that still makes the cut: every item above it goes in, then the first few at it.
  let threshold = 1;
  let above = 0;
  if (touchedCount > ROUGH_KEEP) {
    for (let n = 0; n < touchedCount; n++) histogram[counts[touched[n]!]!]! += 1;
    threshold = Math.max(most, 1);
    while (above + histogram[threshold]! < ROUGH_KEEP) above += histogram[threshold--]!;
    histogram.fill(0, 0, Math.max(most, 1) + 1);
  }
  const picked: number[] = [];
  const pickedTallies: number[] = [];
  const atThreshold: number[] = [];
  for (let n = 0; n < touchedCount; n++) {
    const i = touched[n]!;
    const t = counts[i]!;
    counts[i] = 0;
    if (t > threshold) insertByTally(picked, pickedTallies, i, t);
    else if (t === threshold && atThreshold.length < ROUGH_KEEP - above) atThreshold.push(i);
  }
  return picked.concat(atThreshold);
}

/** Dice overlap of the row's grams with each candidate's: 2·shared / (both counts). */
function diceScores(query: MatchQuery, index: MatchIndex, places: readonly number[]): number[] {
  const { gramIds, gramStart, gramList } = index.corpus;
  if (marked.length < gramIds.size) marked = new Uint8Array(Math.max(gramIds.size, marked.length * 2));
  const marks = marked;
  const ids = knownIds(query, index.corpus);
  for (const id of ids) marks[id] = 1;
  const scores: number[] = [];
  for (const i of places) {
    const p = index.members[i]!;
    const start = gramStart[p]!;
    const end = gramStart[p + 1]!;
    let shared = 0;
    for (let k = start; k < end; k++) shared += marks[gramList[k]!]!;
    scores.push((2 * shared) / Math.max(1, query.grams.length + (end - start)));
  }
  for (const id of ids) marks[id] = 0;
  return scores;
}

/** Positions of the `keep` highest scores, highest first, equal scores in their original order (as a stable sort would). */
function topStable(scores: readonly number[], keep: number): number[] {
  const top: number[] = [];
  for (const [n, score] of scores.entries()) {
    // top holds positions in scores, and keep - 1 < top.length when top is full.
    if (top.length === keep && !(score > scores[top[keep - 1]!]!)) continue;
    let j = top.length === keep ? keep - 1 : top.length;
    while (j > 0 && score > scores[top[j - 1]!]!) {
      top[j] = top[j - 1]!;
      j -= 1;
    }
    top[j] = n;
  }
  return top;
}

/**
 * Similarity that survives abridged and mistyped text: edit distance over the normalized words, and
 * for a shortened copy (the township kept the first clause) how much of the item it covers.
 * A cheap bigram overlap picks the few candidates worth the edit distance.
 */
export function rankQuery(query: MatchQuery, index: MatchIndex, keep = 3): MatchCandidate[] {
  const { key } = query;
  if (key.length < 4) return [];
  const places = roughCandidates(query, index);
  const dice = diceScores(query, index, places);
  const fine = topStable(dice, FINE_KEEP);
  // fine holds positions in places (and dice), places positions in index.items, and topStable positions in scores.
  const picked = fine.map((n) => ({ item: index.items[places[n]!]!, dice: dice[n]! }));
  const scores = picked.map(({ item, dice }) => fineScore(key, item.key, dice));
  return topStable(scores, keep).map((m) => {
    const { item } = picked[m]!;
    return { taskId: item.id, content: item.content, score: scores[m]! };
  });
}

function fineScore(key: string, itemKey: string, dice: number): number {
  const longer = Math.max(key.length, itemKey.length);
  const shorter = Math.min(key.length, itemKey.length);
  const coverage = 0.8 + 0.2 * (shorter / longer);
  const contained = itemKey.includes(key) || key.includes(itemKey) ? coverage : 0;
  let best = Math.max(contained, dice * 0.95);
  // The first clause kept, with a slip of the keyboard: compare with the item's opening words.
  // It cannot exceed coverage, nor the whole-text score exceed 1 - (longer - shorter) / longer (an
  // edit distance is at least the length difference, and these roundings keep that order), so
  // a distance that cannot raise the maximum is not computed: the score is the same either way.
  const [short, long] = key.length <= itemKey.length ? [key, itemKey] : [itemKey, key];
  if (short.length >= 12 && coverage > best)
    best = Math.max(best, (1 - distance(short, long.slice(0, short.length)) / short.length) * coverage);
  if (1 - (longer - shorter) / longer > best) best = Math.max(best, 1 - distance(key, itemKey) / longer);
  return Math.round(best * 1000) / 1000;
}

/** The same score as rankQuery gives, for one row text against one item (both normalized): is this the item the row names? */
export function scorePair(key: string, itemKey: string): number {
  if (key === itemKey) return 1;
  if (!key || !itemKey) return 0;
  const grams = (k: string) => {
    const set = new Set<string>();
    for (let i = 0; i + 1 < k.length; i++) set.add(k.slice(i, i + 2));
    return set;
  };
  const a = grams(key);
  const b = grams(itemKey);
  let shared = 0;
  for (const g of a) if (b.has(g)) shared += 1;
  const dice = a.size + b.size ? (2 * shared) / (a.size + b.size) : 0;
  return fineScore(key, itemKey, dice);
}

export function rankCandidates(text: string, index: MatchIndex, keep = 3): MatchCandidate[] {
  return rankQuery(queryOfKey(normalizeForMatch(text)), index, keep);
}

export function isConfident(ranked: MatchCandidate[]): boolean {
  const [best, second] = ranked;
  if (!best || best.score < AUTO_MATCH_SCORE) return false;
  return !second || best.score - second.score > AMBIGUOUS_GAP;
}
