// Policy documents (文件) in the ledger: listed with their use, saved, deleted to 回收站, recognised again.
import type { DocumentListItem, PolicyDocument } from '../../../shared/domain';
import { sameDocument, type DocumentMatch } from '../../../shared/documentIdentity';
import { DomainError } from '../../../shared/errors';
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { insertRow, updateRow } from '../write';
import { moveToBin } from './recycleBin';
import { toDocument } from './rows';

export interface DocumentInput {
  title: string;
  docNumber?: string;
  issuer?: string;
  issuedOn?: string | null;
  sourceFile?: string;
  /** SHA-256 of the file it was read from, so the same file is recognised when imported again. */
  sha256?: string;
}

export function listDocuments(ctx: LedgerContext): PolicyDocument[] {
  return ctx.db.prepare('SELECT * FROM policy_document ORDER BY id').all().map(toDocument);
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
    .all() as (Record<string, unknown> & { task_count: number; item_count: number; group_count: number })[];
  return rows.map((r) => ({
    ...toDocument(r),
    taskCount: r.task_count,
    itemCount: r.item_count,
    groupCount: r.group_count,
  }));
}

export function getDocument(ctx: LedgerContext, id: number): PolicyDocument {
  const row = ctx.db.prepare('SELECT * FROM policy_document WHERE id = ?').get(id);
  if (!row) throw new DomainError('document_not_found', `找不到编号为 ${id} 的文件，可能已被删除。请刷新后重试。`);
  return toDocument(row);
}

export function createDocument(ctx: LedgerContext, input: DocumentInput): PolicyDocument {
  return ctx.db.transaction(() => {
    const { id } = insertRow(ctx, ENTITIES.policy_document, {
      title: input.title,
      docNumber: input.docNumber ?? '',
      issuer: input.issuer ?? '',
      issuedOn: input.issuedOn ?? null,
      sourceFile: input.sourceFile ?? '',
      sha256: input.sha256 ?? '',
      createdAt: ctx.now(),
    });
    const created = getDocument(ctx, id as number);
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

/** A document of the ledger that a file being imported is the same as, and how it was recognised. */
export interface SameDocument {
  documentId: number;
  title: string;
  docNumber: string;
  issuer: string;
  createdAt: string;
  matchedBy: DocumentMatch[];
}

const MATCH_STRENGTH: Record<DocumentMatch, number> = { sha256: 3, docNumber: 2, titleIssuer: 1 };

/**
 * Documents of the ledger (not those in the recycle bin) that are the same as this one: the same file
 * (SHA-256), the same 文号 however its brackets and spaces were typed, or the same title and issuer.
 * The strongest match first, then the newest.
 */
export function findSameDocuments(
  ctx: LedgerContext,
  doc: { title: string; docNumber: string; issuer: string; sha256: string },
): SameDocument[] {
  const rows = ctx.db
    .prepare('SELECT id, title, doc_number, issuer, sha256, created_at FROM policy_document ORDER BY id DESC')
    .all() as {
    id: number;
    title: string;
    doc_number: string;
    issuer: string;
    sha256: string;
    created_at: string;
  }[];
  const strength = (m: DocumentMatch[]) => Math.max(0, ...m.map((k) => MATCH_STRENGTH[k]));
  return rows
    .map((r) => ({
      documentId: r.id,
      title: r.title,
      docNumber: r.doc_number,
      issuer: r.issuer,
      createdAt: r.created_at,
      matchedBy: sameDocument(doc, { title: r.title, docNumber: r.doc_number, issuer: r.issuer, sha256: r.sha256 }),
    }))
    .filter((d) => d.matchedBy.length > 0)
    .sort((a, b) => strength(b.matchedBy) - strength(a.matchedBy));
}

/** What a newer reading of a document changes: its words and the file it came from. */
export interface DocumentState {
  title: string;
  docNumber: string;
  issuer: string;
  issuedOn: string | null;
  sourceFile: string;
  sha256: string;
}

/** A newer reading of the same document: its words and the file it came from. Audited only when something changed. */
export function updateDocument(ctx: LedgerContext, id: number, patch: Partial<DocumentState>): PolicyDocument {
  return ctx.db.transaction(() => {
    getDocument(ctx, id);
    const { title, docNumber, issuer, issuedOn, sourceFile, sha256 } = patch;
    updateRow(
      ctx,
      ENTITIES.policy_document,
      id,
      { title, docNumber, issuer, issuedOn, sourceFile, sha256 },
      { onlyIfChanged: true },
    );
    return getDocument(ctx, id);
  })();
}
