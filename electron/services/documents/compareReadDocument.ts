// 更新已有文件: a newer reading of a document compared with what the ledger holds for it. Nodes are matched
// level by level — the same words first, then the same 序号 and title, then the most similar words — so an
// item reworded in the new edition is "changed" (updated in place, its reports kept), not removed and added.
import type { DocumentChanges } from '../../../shared/channels/documents';
import type { TaskLevel, TaskNode } from '../../../shared/domain';
import { normalizeTitle } from '../../../shared/documentIdentity';
import { namesOf } from '../../../shared/unitNames';
import type { LedgerContext } from '../../db/audit';
import { getDocument } from '../../db/repositories/documents';
import { listTasks } from '../../db/repositories/tasks';
import { listUnits } from '../../db/repositories/units';
import { shapeDocumentPlan, type DocumentSavePlan, type LedgerNodePlan } from './shapeDocumentPlan';

export interface DocumentComparison {
  diff: DocumentChanges;
  /** The new reading in the ledger's shape, parents first. */
  nodes: LedgerNodePlan[];
  /** Node key → the ledger task it is (absent: a new node). */
  matched: Map<string, TaskNode>;
  /** Keys of matched nodes whose words, units or deadline differ. */
  changedKeys: Set<string>;
}

const LEVEL_NAMES: Record<TaskLevel, string> = { section: '部分', task: '重点任务', item: '工作内容' };

/** Compares the reviewed plan with the ledger's tasks of `documentId`; nothing is written. */
export function compareReadDocument(
  ctx: LedgerContext,
  documentId: number,
  plan: Pick<DocumentSavePlan, 'tasks' | 'document'>,
): DocumentComparison {
  getDocument(ctx, documentId);
  const all = listTasks(ctx);
  const old = all.filter((t) => t.documentId === documentId);
  const nodes = shapeDocumentPlan(plan);
  const matched = matchNodes(nodes, old);
  const units = listUnits(ctx);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const idOf = new Map<string, number>();
  for (const u of units) for (const n of namesOf(u)) idOf.set(n, u.id);

  const diff: DocumentChanges = { documentId, added: [], changed: [], removed: [], unchanged: 0 };
  const changedKeys = new Set<string>();
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  for (const n of nodes) {
    const was = matched.get(n.key);
    if (!was) {
      const parent = n.parentKey ? byKey.get(n.parentKey) : undefined;
      diff.added.push({ key: n.key, level: n.level, label: labelOf(n), under: parent ? labelOf(parent) : '' });
      continue;
    }
    const changes = changesOf(was, n, nameOf, idOf);
    if (changes.length === 0) {
      diff.unchanged += 1;
      continue;
    }
    changedKeys.add(n.key);
    diff.changed.push({ taskId: was.id, level: n.level, label: labelOf(n), changes });
  }

  // Removed: what the new reading no longer has, unless something under it is still there (it stays as their parent).
  const matchedIds = new Set([...matched.values()].map((t) => t.id));
  const children = new Map<number, TaskNode[]>();
  for (const t of all) if (t.parentId !== null) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const below = (id: number): TaskNode[] => (children.get(id) ?? []).flatMap((c) => [c, ...below(c.id)]);
  const gone = new Set(
    old.filter((t) => !matchedIds.has(t.id) && !below(t.id).some((c) => matchedIds.has(c.id))).map((t) => t.id),
  );
  const reportsOf = ctx.db.prepare('SELECT COUNT(*) AS n FROM progress_report WHERE task_id = ?');
  for (const t of old) {
    if (!gone.has(t.id) || (t.parentId !== null && gone.has(t.parentId))) continue;
    const branch = [t, ...below(t.id)];
    diff.removed.push({
      taskId: t.id,
      level: t.level,
      label: labelOf(t),
      items: branch.filter((b) => b.level === 'item').length,
      reports: branch.reduce((sum, b) => sum + (reportsOf.get(b.id) as { n: number }).n, 0),
    });
  }
  return { diff, nodes, matched, changedKeys };
}

/** Each new node to at most one ledger task of the same level, parents before children. */
function matchNodes(nodes: LedgerNodePlan[], old: TaskNode[]): Map<string, TaskNode> {
  const matched = new Map<string, TaskNode>();
  const taken = new Set<number>();
  const words = (t: { number: string; title: string; content: string }) =>
    `${normalizeTitle(t.number)}|${normalizeTitle(t.title)}|${normalizeTitle(t.content)}`;
  const parentIdOf = (n: LedgerNodePlan) => (n.parentKey ? matched.get(n.parentKey)?.id : undefined);
  const take = (n: LedgerNodePlan, candidates: TaskNode[]) => {
    // Under the same parent first: two sections may both have a 1.
    const pick = candidates.find((t) => t.parentId === parentIdOf(n)) ?? candidates[0];
    if (!pick) return;
    matched.set(n.key, pick);
    taken.add(pick.id);
  };
  const free = (level: TaskLevel) => old.filter((t) => t.level === level && !taken.has(t.id));

  // 1. The same words. 2. The same 序号 and title (a heading whose text below changed).
  for (const n of nodes)
    take(
      n,
      free(n.level).filter((t) => words(t) === words(n)),
    );
  for (const n of nodes) {
    if (matched.has(n.key) || !n.title) continue;
    take(
      n,
      free(n.level).filter(
        (t) =>
          normalizeTitle(t.number) === normalizeTitle(n.number) && normalizeTitle(t.title) === normalizeTitle(n.title),
      ),
    );
  }
  // 3. The most similar words, where similar enough; the same parent and 序号 tip a close call.
  for (const n of nodes) {
    if (matched.has(n.key)) continue;
    const mine = bigrams(`${n.title}${n.content}`);
    let best: { t: TaskNode; score: number } | null = null;
    for (const t of free(n.level)) {
      const similarity = dice(mine, bigrams(`${t.title}${t.content}`));
      if (similarity < 0.5) continue;
      const score =
        similarity +
        (t.parentId === parentIdOf(n) ? 0.1 : 0) +
        (n.number && normalizeTitle(t.number) === normalizeTitle(n.number) ? 0.05 : 0);
      if (!best || score > best.score) best = { t, score };
    }
    if (best && best.score >= 0.6) take(n, [best.t]);
  }
  return matched;
}

function bigrams(text: string): Map<string, number> {
  const s = normalizeTitle(text).replace(/[，。；、：,.;:（）()“”《》]/g, '');
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  if (s.length === 1) out.set(s, 1);
  return out;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let common = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  for (const [g, n] of a) common += Math.min(n, b.get(g) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}

/** What differs between the ledger task and the new node, in the clerk's words. */
function changesOf(
  was: TaskNode,
  now: LedgerNodePlan,
  nameOf: Map<number, string>,
  idOf: Map<string, number>,
): DocumentChanges['changed'][number]['changes'] {
  const out: DocumentChanges['changed'][number]['changes'] = [];
  const field = (
    label: string,
    before: string,
    after: string,
    same = normalizeTitle(before) === normalizeTitle(after),
  ) => {
    if (!same) out.push({ field: label, before, after });
  };
  field('序号', was.number, now.number);
  field('标题', was.title, now.title);
  field('内容', was.content, now.content);
  // As the task repository stores them: each unit once, a lead unit never again as a co unit.
  const lead = [...new Set(now.leadUnits)];
  const co = [...new Set(now.coUnits)].filter(
    (n) => !lead.some((l) => l === n || (idOf.has(l) && idOf.get(l) === idOf.get(n))),
  );
  const sameUnits = (ids: number[], names: string[]) =>
    ids.length === names.length && names.every((n, i) => idOf.get(n) === ids[i]);
  const unitNames = (ids: number[]) => ids.map((id) => nameOf.get(id) ?? '').join('、');
  field('牵头单位', unitNames(was.leadUnitIds), lead.join('、'), sameUnits(was.leadUnitIds, lead));
  field('配合单位', unitNames(was.coUnitIds), co.join('、'), sameUnits(was.coUnitIds, co));
  field('完成时限', was.deadline.text, now.deadlineText);
  field('目标', was.targets.join('；'), now.targets.join('；'));
  return out;
}

function labelOf(t: { level: TaskLevel; number: string; title: string; content: string }): string {
  const words = `${t.number}${t.title || t.content}`.trim() || `（无标题的${LEVEL_NAMES[t.level]}）`;
  return words.length > 60 ? `${words.slice(0, 60)}…` : words;
}
