import { distance } from 'fastest-levenshtein';
import { normalizeForMatch } from '../../../shared/normalizeText';

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
  bigrams: Set<string>;
}

export const AUTO_MATCH_SCORE = 0.8;
/** Two candidates this close are a choice for the clerk, not for the machine. */
export const AMBIGUOUS_GAP = 0.05;

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

export function toMatchable(id: number, content: string): MatchableItem {
  const key = normalizeForMatch(content);
  return { id, content, key, bigrams: bigrams(key) };
}

/**
 * Work items indexed for matching many rows: the exact normalised text, and which items share each
 * two-character gram. Grams found in more than a twentieth of the ledger (医疗, 卫生) say little and
 * would make every row touch every item, so they are left out of the index.
 */
export interface MatchIndex {
  items: MatchableItem[];
  exact: Map<string, MatchableItem[]>;
  grams: Map<string, number[]>;
}

export function buildMatchIndex(items: MatchableItem[]): MatchIndex {
  const exact = new Map<string, MatchableItem[]>();
  const postings = new Map<string, number[]>();
  items.forEach((item, i) => {
    exact.set(item.key, [...(exact.get(item.key) ?? []), item]);
    for (const g of item.bigrams) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  const cap = Math.max(50, Math.ceil(items.length / 20));
  const grams = new Map([...postings].filter(([, list]) => list.length <= cap));
  return { items, exact, grams };
}

/** The few items worth a closer look: exact text first, else those sharing the most informative grams. */
function roughCandidates(key: string, grams: Set<string>, index: MatchIndex): MatchableItem[] {
  const same = index.exact.get(key);
  if (same) return same;
  const counts = new Map<number, number>();
  for (const g of grams) for (const i of index.grams.get(g) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  if (counts.size === 0 && index.items.length <= 2000) return index.items;
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 24)
    .map(([i]) => index.items[i]);
}

/**
 * Similarity that survives abridged and mistyped text: edit distance over the normalised words, and
 * for a shortened copy (the township kept the first clause) how much of the item it covers.
 * A cheap bigram overlap picks the few candidates worth the edit distance.
 */
export function rankCandidates(text: string, index: MatchIndex, keep = 3): MatchCandidate[] {
  const key = normalizeForMatch(text);
  if (key.length < 4) return [];
  const grams = bigrams(key);
  const rough = roughCandidates(key, grams, index)
    .map((item) => {
      let shared = 0;
      for (const g of grams) if (item.bigrams.has(g)) shared += 1;
      return { item, dice: (2 * shared) / Math.max(1, grams.size + item.bigrams.size) };
    })
    .sort((a, b) => b.dice - a.dice)
    .slice(0, 8);
  return rough
    .map(({ item, dice }) => {
      const longer = Math.max(key.length, item.key.length);
      const shorter = Math.min(key.length, item.key.length);
      const edit = 1 - distance(key, item.key) / longer;
      const coverage = 0.8 + 0.2 * (shorter / longer);
      const contained = item.key.includes(key) || key.includes(item.key) ? coverage : 0;
      // The first clause kept, with a slip of the keyboard: compare with the item's opening words.
      const [short, long] = key.length <= item.key.length ? [key, item.key] : [item.key, key];
      const opening = short.length >= 12 ? (1 - distance(short, long.slice(0, short.length)) / short.length) * coverage : 0;
      return { taskId: item.id, content: item.content, score: Math.round(Math.max(edit, contained, opening, dice * 0.95) * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, keep);
}

export function isConfident(ranked: MatchCandidate[]): boolean {
  const [best, second] = ranked;
  if (!best || best.score < AUTO_MATCH_SCORE) return false;
  return !second || best.score - second.score > AMBIGUOUS_GAP;
}
