// A policy document read against the ledger for the clerk's review (nothing written), and the plan saved by default.
import crypto from 'node:crypto';
import type { DocumentDraft } from '../../../shared/channels/documents';
import type { Unit } from '../../../shared/domain';
import type { LedgerContext } from '../../db/audit';
import { findSameDocuments } from '../../db/repositories/documents';
import { findImportsOfFile } from '../../db/repositories/importBatches';
import { listUnits } from '../../db/repositories/units';
import { analyzeDocument, type DocumentAnalysis } from '.';
import { guessUnitKind, looksLikeUnit } from './guessUnitKind';
import { namesOf } from '../../../shared/unitNames';
import { planTaskFromDraft } from '../../../shared/planTaskFromDraft';

/** Reads a document against the ledger's units: the app and the CLI do it in the reader worker (electron/services/readers). */
export type ReadDocument = (fileName: string, data: Buffer, knownUnits: Unit[]) => Promise<DocumentAnalysis>;

/** Reads a policy document against the ledger's units; nothing is written. Without `read` it is read here, in this thread. */
export async function reviewDocument(
  ctx: LedgerContext,
  fileName: string,
  data: Buffer,
  read?: ReadDocument,
): Promise<DocumentDraft> {
  const knownUnits: Unit[] = listUnits(ctx);
  const result = read ? await read(fileName, data, knownUnits) : await analyzeDocument(fileName, data, { knownUnits });
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  const [same] = findSameDocuments(ctx, { ...result.document, sha256 });
  return {
    fileName,
    sha256,
    size: data.length,
    alreadyImported: findImportsOfFile(ctx, sha256).map((b) => ({ batchId: b.batchId, createdAt: b.createdAt })),
    document: result.document,
    text: result.text,
    tasks: result.tasks.map((t) => ({
      id: t.id,
      parentId: t.parentId,
      level: t.level,
      path: t.path,
      number: t.number,
      title: t.title,
      content: t.content,
      leadUnits: t.leadUnits,
      coUnits: t.coUnits,
      deadlineText: t.deadlineText,
      targets: t.targets,
      included: t.included,
      excludedReason: t.excludedReason,
      doubts: t.doubts ?? [],
      span: t.span,
    })),
    groups: result.groups.map((g) => ({
      name: g.name,
      office: g.office,
      members: g.members,
      duties: g.duties,
      span: g.span,
    })),
    proposedUnits: [
      ...result.proposedUnits.map((p) => ({ name: p.name, kind: p.kind, sameAs: p.sameAs })),
      // Member units of a roster (成员：县委办、县府办…) are units too.
      ...rosterUnits(
        result.groups,
        knownUnits,
        result.proposedUnits.map((p) => p.name),
      ),
    ],
    ledgerUnitNames: [...new Set(knownUnits.flatMap(namesOf))],
    duplicateOf: same ? { ...same, ...itemsAndReports(ctx, same.documentId) } : null,
    warnings: result.warnings,
  };
}

function itemsAndReports(ctx: LedgerContext, documentId: number): { items: number; reports: number } {
  return ctx.db
    .prepare(
      `SELECT COUNT(*) AS items, COALESCE(SUM((SELECT COUNT(*) FROM progress_report r WHERE r.task_id = t.id)), 0) AS reports
       FROM task t WHERE t.document_id = ? AND t.level = 'item'`,
    )
    .get(documentId) as { items: number; reports: number };
}

/**
 * The review as saved when nobody changes it (the CLI, or 全部保存): included nodes and their ancestors,
 * every proposed unit. Nobody is there to look at flagged items, so they are saved as read (the CLI says how many).
 */
export function defaultSavePlan(review: DocumentDraft) {
  const byId = new Map(review.tasks.map((t) => [t.id, t]));
  const keep = new Set<string>();
  for (const t of review.tasks) {
    if (!t.included) continue;
    for (
      let n: (typeof review.tasks)[number] | undefined = t;
      n && !keep.has(n.id);
      n = n.parentId ? byId.get(n.parentId) : undefined
    )
      keep.add(n.id);
  }
  return {
    fileName: review.fileName,
    sha256: review.sha256,
    size: review.size,
    document: review.document,
    newUnits: review.proposedUnits.map((p) => ({ name: p.name, kind: p.kind })),
    tasks: review.tasks.filter((t) => keep.has(t.id)).map((t) => planTaskFromDraft(t, t.parentId)),
    confirmedFlags: true,
    groups: review.groups.map((g) => ({
      name: g.name,
      office: g.office,
      members: g.members.map(({ role, person, post, unit }) => ({ role, person, post, unit })),
      duties: g.duties.map(({ unit, duty }) => ({ unit, duty })),
    })),
  };
}

function rosterUnits(
  groups: { members: { unit: string }[]; duties: { unit: string }[] }[],
  known: Unit[],
  proposed: string[],
): { name: string; kind: ReturnType<typeof guessUnitKind>; sameAs: string[] }[] {
  const knownNames = new Set(known.flatMap(namesOf));
  const seen = new Set(proposed);
  const out: { name: string; kind: ReturnType<typeof guessUnitKind>; sameAs: string[] }[] = [];
  for (const g of groups) {
    for (const name of [...g.members.map((m) => m.unit), ...g.duties.map((d) => d.unit)]) {
      if (!name || knownNames.has(name) || seen.has(name) || !looksLikeUnit(name)) continue;
      seen.add(name);
      out.push({ name, kind: guessUnitKind(name), sameAs: [] });
    }
  }
  return out;
}
