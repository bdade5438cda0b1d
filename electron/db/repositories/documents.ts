import type { PolicyDocument } from '../../../shared/domain';
import { writeAudit, type LedgerContext } from '../audit';
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
