import type { DocumentListItem } from '../../../shared/channels/recycleBin';
import type { PolicyDocument } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { writeAudit, type LedgerContext } from '../audit';
import { moveToBin } from './recycleBin';
import { toDocument } from './rows';

export interface DocumentInput {
  title: string;
  docNumber?: string;
  issuer?: string;
  issuedOn?: string | null;
  sourceFile?: string;
}

export function listDocuments(ctx: LedgerContext): PolicyDocument[] {
  return (ctx.db.prepare('SELECT * FROM policy_document ORDER BY id').all() as any[]).map(toDocument);
}

/** Each document with how many tasks and groups cite it, for deciding whether to delete it. */
export function listDocumentsWithUse(ctx: LedgerContext): DocumentListItem[] {
  const rows = ctx.db
    .prepare(
      `SELECT d.*, (SELECT COUNT(*) FROM task t WHERE t.document_id = d.id) AS task_count,
         (SELECT COUNT(*) FROM task t WHERE t.document_id = d.id AND t.level = 'item') AS item_count,
         (SELECT COUNT(*) FROM leadership_group g WHERE g.document_id = d.id) AS group_count
       FROM policy_document d ORDER BY d.id`,
    )
    .all() as any[];
  return rows.map((r) => ({ ...toDocument(r), taskCount: r.task_count, itemCount: r.item_count, groupCount: r.group_count }));
}

export function getDocument(ctx: LedgerContext, id: number): PolicyDocument {
  const row = ctx.db.prepare('SELECT * FROM policy_document WHERE id = ?').get(id);
  if (!row) throw new DomainError('document_not_found', `找不到编号为 ${id} 的文件，可能已被删除。请刷新后重试。`);
  return toDocument(row);
}

export function createDocument(ctx: LedgerContext, input: DocumentInput): PolicyDocument {
  return ctx.db.transaction(() => {
    const info = ctx.db
      .prepare('INSERT INTO policy_document (title, doc_number, issuer, issued_on, source_file, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.title, input.docNumber ?? '', input.issuer ?? '', input.issuedOn ?? null, input.sourceFile ?? '', ctx.now());
    const created = toDocument(ctx.db.prepare('SELECT * FROM policy_document WHERE id = ?').get(info.lastInsertRowid));
    writeAudit(ctx, { entity: 'policy_document', entityId: created.id, action: 'create', after: created });
    return created;
  })();
}

/**
 * The document goes to the recycle bin; its tasks and groups stay and only stop citing it (the bin
 * remembers which, and a restore cites it again).
 */
export function deleteDocument(ctx: LedgerContext, id: number, into?: number): void {
  ctx.db.transaction(() => {
    const doc = getDocument(ctx, id);
    const label = doc.docNumber ? `${doc.title}（${doc.docNumber}）` : doc.title;
    moveToBin(ctx, { kind: 'document', kindLabel: '文件', label, table: 'policy_document', id }, into);
  })();
}
