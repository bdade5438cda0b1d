import type { z } from 'zod';
import type { IngestSaveOutcome, ingestSaveSchema } from '../../shared/channels/ingest';
import type { TaskLevel } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { parseDeadline } from '../../shared/parseDeadline';
import { namesOf } from '../../shared/unitNames';
import type { LedgerContext } from '../db/audit';
import { createDocument } from '../db/repositories/documents';
import { addDuty, addMember, createGroup } from '../db/repositories/groups';
import { attachChangeSet, recordImportBatch } from '../db/repositories/importBatches';
import { createTask } from '../db/repositories/tasks';
import { createUnit, listUnits } from '../db/repositories/units';
import { runUndoable } from '../db/undo';

export type IngestSavePlan = z.output<typeof ingestSaveSchema>;
type PlanTask = IngestSavePlan['tasks'][number];

const LEVEL_BY_DEPTH: TaskLevel[] = ['section', 'task', 'item'];

/**
 * Writes what the clerk reviewed: one import batch holding the document, the units agreed to be new,
 * the task tree and the leadership groups, all in one transaction and one undoable change set.
 * The ledger's tree has three levels (部分 → 重点任务 → 工作内容): deeper items (（1）) become work items
 * of their task, and a 重点任务 that carries its own words and units gets them as one work item, so every
 * assignment sits on a work item as in the appendix tables.
 */
export function saveIngestedDocument(ctx: LedgerContext, plan: IngestSavePlan, today: string, size = 0): IngestSaveOutcome {
  return ctx.db.transaction(() => {
    const label = `导入文件：${plan.document.title}`;
    const batchId = recordImportBatch(ctx, { kind: 'document', label, fileName: plan.fileName, sha256: plan.sha256, size });
    let changeSetId: number | null = null;
    const outcome = runUndoable(ctx, label, (c) => {
      changeSetId = c.changeSetId ?? null;
      let units = 0;
      const existing = listUnits(c);
      for (const u of plan.newUnits) {
        if (existing.some((e) => namesOf(e).includes(u.name))) continue;
        existing.push(createUnit(c, { name: u.name, kind: u.kind }));
        units += 1;
      }
      const idOf = new Map<string, number>();
      for (const u of existing) for (const n of namesOf(u)) idOf.set(n, u.id);
      const resolve = (names: string[], where: string) =>
        names.map((n) => {
          const id = idOf.get(n);
          if (id === undefined) throw new DomainError('ingest_unknown_unit', `“${where}”的单位“${n}”不在责任单位名单中，也没有勾选“新增为责任单位”。请勾选新增，或改成已有单位。`);
          return id;
        });

      const doc = createDocument(c, { ...plan.document, sourceFile: plan.fileName });
      const counts = { sections: 0, tasks: 0, items: 0 };
      const created = new Map<string, { id: number; depth: number }>();
      const hasChildren = new Set(plan.tasks.map((t) => t.parentKey).filter(Boolean));
      let looseSection: number | null = null;

      const make = (t: PlanTask, level: TaskLevel, parentId: number | null, fields: Partial<PlanTask>) => {
        const words = { ...t, ...fields };
        const d = words.deadlineText ? parseDeadline(words.deadlineText, { referenceDate: today }) : undefined;
        const node = createTask(c, {
          level,
          parentId,
          documentId: doc.id,
          number: words.number,
          title: words.title,
          content: words.content,
          targets: words.targets,
          leadUnitIds: resolve(words.leadUnits ?? [], words.title || words.content.slice(0, 20)),
          coUnitIds: resolve(words.coUnits ?? [], words.title || words.content.slice(0, 20)),
          deadline: d ? { ...d, text: words.deadlineText! } : undefined,
        });
        counts[level === 'section' ? 'sections' : level === 'task' ? 'tasks' : 'items'] += 1;
        return node.id;
      };
      const empty = { content: '', leadUnits: [], coUnits: [], deadlineText: '', targets: [] };

      for (const t of plan.tasks) {
        const parent = t.parentKey === null ? null : created.get(t.parentKey);
        if (t.parentKey !== null && !parent) throw new DomainError('ingest_bad_tree', `“${t.title || t.content.slice(0, 20)}”的上级没有被选中保存。请同时勾选它的上级。`);
        let depth = parent ? parent.depth + 1 : 0;
        let parentId = parent?.id ?? null;
        if (depth === 0 && t.level !== 'section') {
          // Work without a 部分 above it goes under one section named after the document.
          looseSection ??= make({ ...t, ...empty, number: '', title: plan.document.title }, 'section', null, {});
          parentId = looseSection;
          depth = 1;
        }
        if (depth > 2) {
          // （1） under 1.: another work item of the same 重点任务.
          parentId = parentOfItem(c, parent!.id);
          depth = 2;
        }
        const level = LEVEL_BY_DEPTH[depth];
        if (level === 'task' && !hasChildren.has(t.key) && (t.content || t.leadUnits.length)) {
          const taskId = make(t, 'task', parentId, empty);
          make(t, 'item', taskId, { number: '', title: '', content: t.content || t.title });
          created.set(t.key, { id: taskId, depth });
          continue;
        }
        created.set(t.key, { id: make(t, level, parentId, level === 'item' ? { title: '', content: itemWords(t) } : {}), depth });
      }

      for (const g of plan.groups) {
        const group = createGroup(c, { name: g.name, documentId: doc.id, officeUnitId: idOf.get(g.office) ?? null, establishedOn: plan.document.issuedOn });
        for (const m of g.members) {
          const unitId = m.unit ? idOf.get(m.unit) ?? null : null;
          const post = m.unit && unitId === null ? `${m.unit}${m.post}` : m.post;
          // A member named only by post (办公室主任：领导小组副组长兼任) keeps those words as the person.
          const byPostOnly = !m.person && unitId === null;
          addMember(c, group.id, {
            role: m.role,
            personName: byPostOnly ? post : m.person,
            post: byPostOnly ? '' : post,
            unitId,
            validFrom: plan.document.issuedOn,
          });
        }
        for (const d of g.duties) addDuty(c, group.id, { unitId: idOf.get(d.unit) ?? null, unitName: d.unit, duty: d.duty });
      }
      return { batchId, documentId: doc.id, units, ...counts, groups: plan.groups.length };
    });
    attachChangeSet(ctx, batchId, changeSetId, { units: outcome.units, sections: outcome.sections, tasks: outcome.tasks, items: outcome.items, groups: outcome.groups });
    return outcome;
  })();
}

/** A numbered paragraph was split into title (first sentence) and content; a work item shows both. */
function itemWords(t: PlanTask): string {
  if (!t.title) return t.content;
  if (!t.content) return t.title;
  return /[。；;！!？?]$/.test(t.title) ? t.title + t.content : `${t.title}。${t.content}`;
}

function parentOfItem(ctx: LedgerContext, id: number): number {
  const row = ctx.db.prepare('SELECT parent_id FROM task WHERE id = ?').get(id) as { parent_id: number };
  return row.parent_id;
}
