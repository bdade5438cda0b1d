// 导入 → 政策文件's channels: a policy document read for review, saved into the ledger, or compared and updated.
import { DomainError } from '../../shared/errors';
import { describeFlagCounts } from '../../shared/flagReviewItems';
import { backupBeforeChange } from '../services/backupLedger';
import { withReaders } from '../services/readers/readers';
import { readChosenFile } from '../services/readChosenFile';
import { reviewDocument } from '../services/documents/reviewDocument';
import { compareReadDocument } from '../services/documents/compareReadDocument';
import { flagsOfPlan, saveReadDocument, type DocumentSavePlan } from '../services/documents/saveReadDocument';
import { updateFromReadDocument } from '../services/documents/updateFromReadDocument';
import type { LedgerContext } from '../db/audit';
import type { DocumentDraft } from '../../shared/channels/documents';
import type { DocumentAnalysis } from '../services/documents';
import type { AppContext } from './context';
import type { FeatureHandlers } from './types';

// Documents are read and analyzed in the reader worker (electron/services/readers), so one bad file never freezes the main process.
const DOCUMENT_FILTERS = [
  { name: '政策文件（Word、WPS、PDF、文本）', extensions: ['docx', 'doc', 'wps', 'pdf', 'txt', 'md'] },
];

/** Nothing is saved silently without a lead: flagged items reach the ledger only after the clerk chose 仍然保存. */
function refuseUnconfirmedFlags(ledger: LedgerContext, plan: DocumentSavePlan): void {
  if (plan.confirmedFlags) return;
  const { counts } = flagsOfPlan(ledger, plan);
  // A unit neither known nor agreed to be added is refused by the save itself, naming the unit.
  if (counts.noLead + counts.doubt === 0) return;
  throw new DomainError(
    'document_flags_unconfirmed',
    `还有 ${describeFlagCounts({ ...counts, unknownUnit: 0 })}，尚未确认，未保存。请回到预览核对这些项，或在保存时的提示中选择“仍然保存”。`,
  );
}

/**
 * What documents:analyze and documents:pick do, and `duban ingest` too: the document read in the reader
 * worker against the ledger's units, ready for review; nothing is written. `onReading` also gets the reading
 * itself (the CLI prints it as JSON).
 */
export function readForReview(
  ctx: AppContext,
  fileName: string,
  data: Buffer,
  onReading?: (reading: DocumentAnalysis) => void,
): Promise<DocumentDraft> {
  return withReaders({ log: ctx.log }, (readers) =>
    reviewDocument(ctx.ledger, fileName, data, async (name, bytes, knownUnits) => {
      const reading = await readers.readDocumentFile(name, bytes, knownUnits);
      onReading?.(reading);
      return reading;
    }),
  );
}

/** The file at `filePath` read in main (type and size checked first), then as readForReview. */
export async function readForReviewAt(
  ctx: AppContext,
  filePath: string,
  onReading?: (reading: DocumentAnalysis) => void,
): Promise<DocumentDraft> {
  const file = await readChosenFile(filePath, 'document');
  return readForReview(ctx, file.fileName, file.data, onReading);
}

export const documentHandlers: FeatureHandlers<
  'documents:analyze' | 'documents:pick' | 'documents:save' | 'documents:compare' | 'documents:update'
> = {
  'documents:analyze': (ctx, { path }) => readForReviewAt(ctx, path),
  'documents:pick': async (ctx) => {
    const [file] = await ctx.shell.openFiles({ title: '选择政策文件', filters: DOCUMENT_FILTERS, multiple: false });
    return file ? readForReviewAt(ctx, file) : null;
  },
  'documents:save': (ctx, plan) => {
    refuseUnconfirmedFlags(ctx.ledger, plan);
    backupBeforeChange(ctx, 'document');
    return saveReadDocument(ctx.ledger, plan, ctx.today(), plan.size);
  },
  'documents:compare': (ctx, { documentId, ...plan }) => compareReadDocument(ctx.ledger, documentId, plan).diff,
  'documents:update': (ctx, { documentId, removeTaskIds, ...plan }) => {
    refuseUnconfirmedFlags(ctx.ledger, plan);
    backupBeforeChange(ctx, 'document');
    return updateFromReadDocument(ctx.ledger, documentId, plan, removeTaskIds, ctx.today(), plan.size);
  },
};
