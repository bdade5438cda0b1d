// 更新已有文件: a newer reading of a policy document written over the one the ledger holds, keeping the reports on it.
import type { DocumentUpdateOutcome } from '../../../shared/channels/documents';
import { DomainError } from '../../../shared/errors';
import type { LedgerContext } from '../../db/audit';
import { getDocument, updateDocument } from '../../db/repositories/documents';
import { createTask, deleteTask, moveTask, updateTask } from '../../db/repositories/tasks';
import { compareReadDocument } from './compareReadDocument';
import { taskWords } from './saveReadDocument';
import type { DocumentSavePlan } from './shapeDocumentPlan';
import { writeDocumentBatch } from './writeDocumentBatch';

/**
 * 更新已有文件: writes a newer reading of a document over the one the ledger holds, as one import batch
 * and one change set (undone from 导入记录 like a save). Changed items are updated in place, so the
 * progress reports on them stay; new items are added where they stand in the document; items the new
 * reading no longer has go to the 回收站 only when the clerk ticked them (`removeTaskIds`), the rest
 * stay. The leadership groups of the document are left as they are.
 */
export function updateFromReadDocument(
  ctx: LedgerContext,
  documentId: number,
  plan: DocumentSavePlan,
  removeTaskIds: number[],
  today: string,
  size = 0,
): DocumentUpdateOutcome {
  return writeDocumentBatch(
    ctx,
    `更新文件：${plan.document.title}`,
    plan,
    size,
    (c, { batchId, units, idOf }) => {
      getDocument(c, documentId);
      const { diff, nodes, matched, changedKeys } = compareReadDocument(c, documentId, plan);
      const removable = new Set(diff.removed.map((r) => r.taskId));
      const stale = removeTaskIds.filter((id) => !removable.has(id));
      if (stale.length) {
        throw new DomainError(
          'document_diff_stale',
          '台账中的这份文件在比较之后又有变化，所勾选删除的任务已不在比较结果中。请重新比较后再更新。',
        );
      }
      updateDocument(c, documentId, { ...plan.document, sourceFile: plan.fileName, sha256: plan.sha256 });

      const ids = new Map<string, number>();
      /** The last node placed under each parent, so a new one goes right after its neighbour in the document. */
      const lastUnder = new Map<number | null, number>();
      for (const node of nodes) {
        const was = matched.get(node.key);
        const words = taskWords(node, idOf, today);
        if (was) {
          if (changedKeys.has(node.key)) updateTask(c, was.id, words);
          ids.set(node.key, was.id);
          lastUnder.set(was.parentId, was.id);
          continue;
        }
        const parentId = node.parentKey === null ? null : ids.get(node.parentKey)!;
        const after = lastUnder.get(parentId);
        const created = createTask(c, { level: node.level, parentId, documentId, ...words });
        if (after !== undefined) {
          // Moved through audited writes (not createTask's afterId), so undoing the update puts every sibling back exactly.
          const siblings = (
            c.db
              .prepare('SELECT id FROM task WHERE parent_id IS ? AND id <> ? ORDER BY sort_order, id')
              .all(parentId, created.id) as { id: number }[]
          ).map((r) => r.id);
          const at = siblings.indexOf(after);
          if (at >= 0 && at < siblings.length - 1) moveTask(c, created.id, parentId, at + 1);
        }
        ids.set(node.key, created.id);
        lastUnder.set(parentId, created.id);
      }
      for (const id of removeTaskIds) deleteTask(c, id);
      return {
        batchId,
        documentId,
        units,
        added: diff.added.length,
        changed: diff.changed.length,
        removed: removeTaskIds.length,
        unchanged: diff.unchanged,
      };
    },
    ({ units, added, changed, removed }) => ({ units, added, changed, removed }),
  );
}
