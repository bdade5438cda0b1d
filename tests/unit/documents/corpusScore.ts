// Scoring of the document reader against the corpus in tests/fixtures/documents/corpus (issue 12): tasks,
// lead units and co-units (precision/recall) and the document's metadata, per document and overall.
// A predicted task matches a gold task by its text, not by exact string: the normalized text (numbering,
// whitespace and punctuation dropped) must share its first 30 characters, or be ≥ 0.8 similar (Dice
// coefficient over character bigrams), so that formatting differences are not counted as misses.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DocumentAnalysis } from '../../../electron/services/documents';

export const CORPUS_DIR = join(__dirname, '../../fixtures/documents/corpus');
/** Documents written by someone who had not read the reader, scored as the check on unseen shapes. */
export const HOLDOUT_DIR = join(__dirname, '../../fixtures/documents/holdout');

export interface GoldTask {
  path: string[];
  number: string;
  title: string;
  content: string;
  leadUnits: string[];
  coUnits: string[];
  deadlineText: string;
}

export interface GoldMeta {
  title: string;
  docNumber: string;
  issuer: string;
  issuedOn: string | null;
}

export interface GoldDocument {
  document: GoldMeta;
  tasks: GoldTask[];
  notes: string;
  shapes?: string[];
  /** A document the reader must refuse with a message (a scan without a text layer). */
  expectRefusal?: boolean;
}

export interface CorpusEntry {
  /** File name of the document, e.g. 03-yongjia-task-table.docx. */
  file: string;
  path: string;
  gold: GoldDocument;
}

const isDocument = (dir: string) => (f: string) =>
  !f.endsWith('.gold.json') && f !== 'README.md' && !statSync(join(dir, f)).isDirectory();
const goldPathOf = (dir: string) => (file: string) =>
  join(dir, `${file.slice(0, file.length - extname(file).length)}.gold.json`);

/** Every document of the corpus with its gold answer, in file-name order. */
export function listCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  return readdirSync(dir)
    .filter(isDocument(dir))
    .sort()
    .map((file) => {
      const goldPath = goldPathOf(dir)(file);
      if (!existsSync(goldPath)) throw new Error(`${file} has no gold file`);
      return { file, path: join(dir, file), gold: JSON.parse(readFileSync(goldPath, 'utf8')) as GoldDocument };
    });
}

/** Gold files whose document is missing (a renamed or deleted document). */
export function orphanGolds(dir = CORPUS_DIR): string[] {
  const docs = new Set(readdirSync(dir).filter(isDocument(dir)).map(goldPathOf(dir)));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .filter((f) => !docs.has(join(dir, f)));
}

export interface PredictedTask {
  title: string;
  content: string;
  leadUnits: string[];
  coUnits: string[];
}

/** What the clerk is offered: included tasks with no included child. */
export function offeredLeaves(r: DocumentAnalysis): PredictedTask[] {
  return r.tasks.filter((t) => t.included && !r.tasks.some((c) => c.parentId === t.id && c.included));
}

// ── text matching ────────────────────────────────────────────────────────────────────────────────
const LABEL =
  /^\s*(第[一二三四五六七八九十百零〇\d]+[条章]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])\s*/;

/** Text for comparison: no leading number, full-width folded, no whitespace, punctuation or symbols. */
export function normText(s: string): string {
  return s
    .replace(LABEL, '')
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A unit name for comparison: full-width folded ((）→()), no whitespace. */
export const normUnit = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * The texts a task is compared by: title + content (content alone when it starts with the title). A gold
 * task may also match by its content alone, since its title may come from a table's task column that a
 * reader need not repeat; a predicted task only by what it shows, so a heading whose content swallowed
 * the items below it does not pass for the first of them.
 */
function candidates(t: { title: string; content: string }, side: 'gold' | 'pred'): string[] {
  const title = normText(t.title);
  const content = normText(t.content);
  const full = content.startsWith(title) ? content : title + content;
  return [...new Set(side === 'gold' ? [full, content] : [full])].filter((x) => x.length >= 4);
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const b = s.slice(i, i + 2);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams of the first 150 characters. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a.slice(0, 150));
  const y = bigrams(b.slice(0, 150));
  let common = 0;
  let total = 0;
  for (const [k, n] of x) {
    common += Math.min(n, y.get(k) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total ? (2 * common) / total : 0;
}

const PREFIX = 30;
const MIN_PREFIX = 8;
const MIN_SIMILARITY = 0.8;

/** How well two texts match: ≥ 1 when they share their first 30 characters, else the similarity; 0 when below the bar. */
export function matchScore(gold: { title: string; content: string }, pred: { title: string; content: string }): number {
  let best = 0;
  for (const a of candidates(gold, 'gold')) {
    for (const b of candidates(pred, 'pred')) {
      const n = Math.min(PREFIX, a.length, b.length);
      const sim = similarity(a, b);
      const s = n >= MIN_PREFIX && a.slice(0, n) === b.slice(0, n) ? 1 + sim : sim >= MIN_SIMILARITY ? sim : 0;
      best = Math.max(best, s);
    }
  }
  return best;
}

/** One-to-one matching of gold and predicted tasks, best pairs first. Returns [goldIndex, predIndex] pairs. */
export function matchTasks(gold: GoldTask[], pred: PredictedTask[]): [number, number][] {
  const pairs: { g: number; p: number; s: number }[] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const s = matchScore(g, p);
      if (s > 0) pairs.push({ g: gi, p: pi, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    out.push([g, p]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

// ── scores ───────────────────────────────────────────────────────────────────────────────────────
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

export const precision = (c: Counts) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : c.fn ? 0 : 1);
export const recall = (c: Counts) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);

function compareSets(gold: string[], pred: string[]): Counts {
  const g = new Set(gold.map(normUnit));
  const p = new Set(pred.map(normUnit));
  const tp = [...p].filter((x) => g.has(x)).length;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

export type MetaField = keyof GoldMeta;
const META_FIELDS: MetaField[] = ['title', 'docNumber', 'issuer', 'issuedOn'];
const normMeta = (s: string | null) => (s ?? '').normalize('NFKC').replace(/[\s《》]/g, '');

export interface DocScore {
  file: string;
  goldTasks: number;
  predictedTasks: number;
  tasks: Counts;
  lead: Counts;
  co: Counts;
  /** Gold tasks matched with exactly the gold's set of lead units. */
  leadExact: number;
  /** Metadata fields that differ from the gold. */
  metaWrong: MetaField[];
  /** The reader could not read the file (message), scored as nothing found. */
  unreadable?: string;
  matches: [number, number][];
}

/** Scores one document. `result` null means the reader refused the file (`unreadable` gives its message). */
export function scoreDocument(
  file: string,
  gold: GoldDocument,
  result: DocumentAnalysis | null,
  unreadable?: string,
): DocScore {
  const pred = result ? offeredLeaves(result) : [];
  const matches = matchTasks(gold.tasks, pred);
  const matchedG = new Set(matches.map(([g]) => g));
  const matchedP = new Set(matches.map(([, p]) => p));
  let lead = zero();
  let co = zero();
  let leadExact = 0;
  for (const [g, p] of matches) {
    const l = compareSets(gold.tasks[g]!.leadUnits, pred[p]!.leadUnits);
    lead = add(lead, l);
    co = add(co, compareSets(gold.tasks[g]!.coUnits, pred[p]!.coUnits));
    if (l.fp === 0 && l.fn === 0) leadExact++;
  }
  gold.tasks.forEach((t, i) => {
    if (matchedG.has(i)) return;
    lead = add(lead, compareSets(t.leadUnits, []));
    co = add(co, compareSets(t.coUnits, []));
  });
  pred.forEach((t, i) => {
    if (matchedP.has(i)) return;
    lead = add(lead, compareSets([], t.leadUnits));
    co = add(co, compareSets([], t.coUnits));
  });
  const meta = result?.document ?? null;
  return {
    file,
    goldTasks: gold.tasks.length,
    predictedTasks: pred.length,
    tasks: { tp: matches.length, fp: pred.length - matches.length, fn: gold.tasks.length - matches.length },
    lead,
    co,
    leadExact,
    metaWrong: META_FIELDS.filter((f) => !meta || normMeta(meta[f]) !== normMeta(gold.document[f])),
    unreadable,
    matches,
  };
}

export interface CorpusTotals {
  documents: number;
  tasks: Counts;
  lead: Counts;
  co: Counts;
  leadExact: number;
  goldTasks: number;
  metaRight: number;
  /** Mean over documents of task recall and of lead recall (each document weighs the same). */
  meanTaskRecall: number;
  meanLeadRecall: number;
}

export function sumScores(scores: DocScore[]): CorpusTotals {
  const n = Math.max(1, scores.length);
  return {
    documents: scores.length,
    tasks: scores.reduce((a, s) => add(a, s.tasks), zero()),
    lead: scores.reduce((a, s) => add(a, s.lead), zero()),
    co: scores.reduce((a, s) => add(a, s.co), zero()),
    leadExact: scores.reduce((a, s) => a + s.leadExact, 0),
    goldTasks: scores.reduce((a, s) => a + s.goldTasks, 0),
    metaRight: scores.filter((s) => !s.metaWrong.length).length,
    meanTaskRecall: scores.reduce((a, s) => a + recall(s.tasks), 0) / n,
    meanLeadRecall: scores.reduce((a, s) => a + recall(s.lead), 0) / n,
  };
}

const f2 = (x: number) => x.toFixed(2);
const pr = (label: string, c: Counts) => `${label} P ${f2(precision(c))} R ${f2(recall(c))}`;

export function formatScore(s: DocScore): string {
  const head = `${s.file.padEnd(36)} tasks ${String(s.goldTasks).padStart(3)} gold ${String(s.predictedTasks).padStart(3)} found ${String(s.tasks.tp).padStart(3)} matched`;
  const meta = s.metaWrong.length ? `meta ✗ ${s.metaWrong.join(',')}` : 'meta ✓';
  const body = `${pr('tasks', s.tasks)} | ${pr('lead', s.lead)} | ${pr('co', s.co)} | lead exact ${s.leadExact}/${s.goldTasks} | ${meta}`;
  return `${head} | ${body}${s.unreadable ? ` | unreadable: ${s.unreadable.slice(0, 40)}…` : ''}`;
}

export function formatTotals(t: CorpusTotals): string {
  return [
    `${'OVERALL (all tasks pooled)'.padEnd(36)} ${t.documents} documents, ${t.goldTasks} gold tasks | ${pr('tasks', t.tasks)} | ${pr('lead', t.lead)} | ${pr('co', t.co)} | lead exact ${t.leadExact}/${t.goldTasks} | meta ✓ ${t.metaRight}/${t.documents}`,
    `${'OVERALL (mean per document)'.padEnd(36)} task recall ${f2(t.meanTaskRecall)} | lead recall ${f2(t.meanLeadRecall)}`,
  ].join('\n');
}
