// Policy-document ingestion (issue 6): analyze only; saving is the ledger's job.
export { analyzeDocument, toDocumentJson, type AnalyzeOptions } from './analyzeDocument';
export { benchDocuments } from './benchDocuments';
export type {
  DocumentAnalysis,
  DocumentJson,
  ExtractedTask,
  ExtractedGroup,
  ProposedUnit,
  Milestone,
  Span,
  UnitRef,
  DeadlineHit,
} from './types';
