// Policy-document ingestion (issue 6): analyse only; saving is the ledger's job.
export { ingestDocument, toIngestJson, type IngestOptions } from './ingestDocument';
export { benchIngest } from './benchIngest';
export type { IngestResult, IngestJson, ExtractedTask, ExtractedGroup, ProposedUnit, Milestone, Span, UnitRef, DeadlineHit } from './types';
