// Saves a reviewed policy document into the ledger: the document, new units, the task tree and its leadership groups.
import type { DocumentSaveOutcome } from '../../../shared/channels/documents';
import { DomainError } from '../../../shared/errors';
import { flagReviewItems } from '../../../shared/flagReviewItems';
import { parseDeadline } from '../../../shared/parseDeadline';
import { namesOf } from '../../../shared/unitNames';
import type { LedgerContext } from '../../db/audit';
import { createDocument } from '../../db/repositories/documents';
import { addDuty, addMember, createGroup, listGroups } from '../../db/repositories/groups';
import { createTask, type TaskInput } from '../../db/repositories/tasks';
import { listUnits } from '../../db/repositories/units';
import { writeDocumentBatch } from './writeDocumentBatch';
import { shapeDocumentPlan, type DocumentSavePlan, type LedgerNodePlan } from './shapeDocumentPlan';

export type { DocumentSavePlan } from './shapeDocumentPlan';

/**
 * Writes what the clerk reviewed: one import batch holding the document, the units agreed to be new,
 * the task tree and the leadership groups, all in one transaction and one undoable change set.
 * The ledger's tree has three levels (部分 → 重点任务 → 工作内容): deeper items (（1）) become work items
 * of their task, and a 重点任务 that carries its own words and units gets them as one work item, so every
 * assignment sits on a work item as in the appendix tables.
 */
export function saveReadDocument(
  ctx: LedgerContext,
  plan: DocumentSavePlan,
  today: string,
  size = 0,
): DocumentSaveOutcome {
  return writeDocumentBatch(
    ctx,
    `导入文件：${plan.document.title}`,
    plan,
    size,
    (c, { batchId, units, idOf }) => {
      const doc = createDocument(c, { ...plan.document, sourceFile: plan.fileName, sha256: plan.sha256 });
      const counts = { sections: 0, tasks: 0, items: 0 };
      const ids = new Map<string, number>();
      for (const node of shapeDocumentPlan(plan)) {
        const parentId = node.parentKey === null ? null : ids.get(node.parentKey)!;
        ids.set(
          node.key,
          createTask(c, { level: node.level, parentId, documentId: doc.id, ...taskWords(node, idOf, today) }).id,
        );
        counts[node.level === 'section' ? 'sections' : node.level === 'task' ? 'tasks' : 'items'] += 1;
      }

      // A group the ledger already has by that name (typed by hand, or from the same plan on another file) is
      // kept as it is: two groups of one name could not be told apart, and the clerk's own edits of its members
      // must not be overwritten by the document's list. The outcome names it so she can check its members.
      const taken = new Set(listGroups(c).map((g) => g.name.trim()));
      const groupsKept: string[] = [];
      for (const g of plan.groups) {
        if (taken.has(g.name.trim())) {
          groupsKept.push(g.name.trim());
          continue;
        }
        const group = createGroup(c, {
          name: g.name,
          documentId: doc.id,
          officeUnitId: idOf.get(g.office) ?? null,
          establishedOn: plan.document.issuedOn,
        });
        for (const m of g.members) {
          const unitId = m.unit ? (idOf.get(m.unit) ?? null) : null;
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
        for (const d of g.duties)
          addDuty(c, group.id, { unitId: idOf.get(d.unit) ?? null, unitName: d.unit, duty: d.duty });
      }
      return {
        batchId,
        documentId: doc.id,
        units,
        ...counts,
        groups: plan.groups.length - groupsKept.length,
        groupsKept,
        flags: flagsOfPlan(c, plan).counts,
      };
    },
    ({ units, sections, tasks, items, groups }) => ({ units, sections, tasks, items, groups }),
  );
}

const NO_DEADLINE = { date: null, recurrence: null, ongoing: false, text: '' };

/** A planned node's words as the task repository takes them: unit names resolved, the deadline read. */
export function taskWords(
  node: LedgerNodePlan,
  idOf: Map<string, number>,
  today: string,
): Required<Pick<TaskInput, 'number' | 'title' | 'content' | 'targets' | 'leadUnitIds' | 'coUnitIds' | 'deadline'>> {
  const where = node.title || node.content.slice(0, 20);
  const resolve = (names: string[]) =>
    names.map((n) => {
      const id = idOf.get(n);
      if (id === undefined)
        throw new DomainError(
          'document_unknown_unit',
          `“${where}”的单位“${n}”不在责任单位名单中，也没有勾选“新增为责任单位”。请勾选新增，或改成已有单位。`,
        );
      return id;
    });
  const d = node.deadlineText ? parseDeadline(node.deadlineText, { referenceDate: today }) : undefined;
  return {
    number: node.number,
    title: node.title,
    content: node.content,
    targets: node.targets,
    leadUnitIds: resolve(node.leadUnits),
    coUnitIds: resolve(node.coUnits),
    deadline: d ? { ...d, text: node.deadlineText } : NO_DEADLINE,
  };
}

/** The review's flags over what is being saved: the units the ledger knows by now and those agreed to be added. */
export function flagsOfPlan(ctx: LedgerContext, plan: Pick<DocumentSavePlan, 'tasks' | 'newUnits'>) {
  return flagReviewItems(
    plan.tasks.map((t) => ({
      id: t.key,
      parentId: t.parentKey,
      level: t.level,
      leadUnits: t.leadUnits,
      coUnits: t.coUnits,
      doubts: t.doubts,
    })),
    listUnits(ctx).flatMap(namesOf),
    plan.newUnits.map((u) => u.name),
  );
}
