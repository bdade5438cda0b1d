// The messages between the main process and the reader worker: plain data, copied by structured clone.
import type { LedgerSnapshot, Unit } from '../../../shared/domain';
import type { AnalyzeOptions, FileAnalysis } from '../returns/analyzeReturns';
import type { ColumnMapping } from '../returns/detectHeader';
import type { DocumentAnalysis } from '../documents/types';

/** What the analysis of returns needs of the ledger: its units and work items (not reports or rounds). */
export interface ReaderLedger {
  snapshot: LedgerSnapshot;
  /** Column mappings remembered per township and header signature, as the ledger holds them. */
  mappings: { unitId: number; signature: string; columns: ColumnMapping }[];
}

export type ReturnOptions = Pick<AnalyzeOptions, 'unitId' | 'overrides' | 'referenceDate'>;

export type ReaderRequest =
  | { id: number; type: 'ledger'; ledgerId: number; ledger: ReaderLedger }
  | { id: number; type: 'forget'; ledgerId: number }
  | { id: number; type: 'returns'; ledgerId: number; fileName: string; data: Uint8Array; options: ReturnOptions }
  | { id: number; type: 'document'; fileName: string; data: Uint8Array; knownUnits: Unit[] };

export type ReaderReply =
  | { id: number; ok: true; value: FileAnalysis | DocumentAnalysis | null }
  /** A refusal for the clerk (code and Chinese message), or an internal failure with its detail for the log. */
  | { id: number; ok: false; error: { code: string; message: string } | null; detail: string | null };

/** A request before it is numbered. */
export type ReaderJob = ReaderRequest extends infer R ? (R extends ReaderRequest ? Omit<R, 'id'> : never) : never;
