// The reader worker: reads and analyzes township returns and policy documents off the main thread, so
// the main process can stop it (a file that takes too long or too much memory) and IPC never freezes.
// Bundled as dist/main/readerWorker.js; from the TypeScript sources it starts through
// readerWorker.source.cjs.
import { inspect } from 'node:util';
import { parentPort } from 'node:worker_threads';
import type { LedgerSnapshot } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { ColumnMapping } from '../returns/detectHeader';
import type { ReaderReply, ReaderRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('readerWorker runs only as a worker thread');

// Loaded on first use: exceljs and SheetJS take about a second to load, and a policy document never
// needs them (nor a return mammoth). require rather than import(): the worker is CommonJS both when
// bundled and through tsx, and tsx would not see an import().
type ReturnsModule = typeof import('../returns/analyzeReturns');
type DocumentsModule = typeof import('../documents/analyzeDocument');
let returnsModule: ReturnsModule | null = null;
let documentsModule: DocumentsModule | null = null;
/* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily through require, as said above */
const returns = () => (returnsModule ??= require('../returns/analyzeReturns') as ReturnsModule);
const documents = () => (documentsModule ??= require('../documents/analyzeDocument') as DocumentsModule);
/* eslint-enable @typescript-eslint/no-require-imports */

/** The ledgers of the batches being read, by batch: several windows' batches may share the worker. */
const ledgers = new Map<number, { snapshot: LedgerSnapshot; remembered: Map<string, ColumnMapping> }>();
const key = (unitId: number, signature: string) => `${unitId}\u0000${signature}`;

/** What a failure tells the log: the cause a reader's refusal carries, or the error itself. */
function detailOf(err: unknown): string | null {
  const cause = err instanceof DomainError ? (err as Error & { cause?: unknown }).cause : err;
  if (cause === undefined) return null;
  // inspect, not String(): a thrown plain object would log as [object Object].
  return cause instanceof Error ? (cause.stack ?? cause.message) : inspect(cause);
}

async function handle(request: ReaderRequest): Promise<ReaderReply> {
  switch (request.type) {
    case 'ledger':
      ledgers.set(request.ledgerId, {
        snapshot: request.ledger.snapshot,
        remembered: new Map(request.ledger.mappings.map((m) => [key(m.unitId, m.signature), m.columns])),
      });
      return { id: request.id, ok: true, value: null };
    case 'forget':
      ledgers.delete(request.ledgerId);
      return { id: request.id, ok: true, value: null };
    case 'returns': {
      const ledger = ledgers.get(request.ledgerId);
      if (!ledger) throw new Error(`returns read before ledger ${request.ledgerId} was sent`);
      const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
      const value = await returns().analyzeReturnFile(request.fileName, data, ledger.snapshot, {
        ...request.options,
        remembered: (unitId, signature) => {
          const columns = ledger.remembered.get(key(unitId, signature));
          return columns && { ...columns };
        },
      });
      return { id: request.id, ok: true, value };
    }
    case 'document': {
      const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
      return {
        id: request.id,
        ok: true,
        value: await documents().analyzeDocument(request.fileName, data, { knownUnits: request.knownUnits }),
      };
    }
  }
}

port.on('message', (request: ReaderRequest) => {
  handle(request).then(
    (reply) => port.postMessage(reply),
    (err: unknown) => {
      const reply: ReaderReply =
        err instanceof DomainError
          ? { id: request.id, ok: false, error: err.toData(), detail: detailOf(err) }
          : { id: request.id, ok: false, error: null, detail: detailOf(err) };
      port.postMessage(reply);
    },
  );
});
