// The main process's side of the reader workers. Township returns and policy documents are read and
// analyzed there, each file under a time limit, each worker's heap capped. A file that runs past either
// is stopped by terminating its worker (a fresh one reads the next file), and refused with a message that
// names it and the limit, so one bad file never freezes IPC and the rest of a batch goes on. A batch's
// ledger is copied to a worker once (a noticeable cost on a big ledger), not once per file; the workers
// outlive a batch for a minute, because starting one and loading exceljs and SheetJS into it is slow
// enough that a clerk re-mapping columns would wait for it every time (`npm run bench returns`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LedgerSnapshot, Unit } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { blankAnalysis, type FileAnalysis } from '../returns/analyzeReturns';
import type { DocumentAnalysis } from '../documents/types';
import { READ_TIMEOUT_MS, READER_HEAP_MB } from './limits';
import type { ReaderJob, ReaderLedger, ReaderReply, ReaderRequest, ReturnOptions } from './protocol';

/** How long an idle worker is kept for the next batch. */
const IDLE_MS = 60_000;

export interface ReaderLimits {
  /** Per file: reading and analyzing it. */
  timeoutMs: number;
  /** The worker's JavaScript heap. */
  heapMb: number;
}

export interface ReadersOptions {
  /** What returns are matched against; documents need none. */
  ledger?: ReaderLedger;
  limits?: Partial<ReaderLimits>;
  /** Where internal failures go (the app's log); the clerk only sees the Chinese message. */
  log?: (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;
  /** Another script speaking the worker's protocol (tests: one that hangs on a file, to prove the limit). */
  workerScript?: string;
}

type Kind = 'returns' | 'document';

/** What a clerk is told to do with a file that could not be read, by kind. */
const RESAVE: Record<Kind, string> = {
  returns: '请让填报单位用 Excel 或 WPS 打开后另存为 .xlsx 再发送',
  document: '请用 Word 或 WPS 打开后另存为 .docx 再导入；如文件确实很长，可只导入含重点任务的部分',
};

/** The work items and units of a snapshot: all the analysis of returns reads, and far less to copy. */
export function readerLedger(snap: LedgerSnapshot, mappings: ReaderLedger['mappings'] = []): ReaderLedger {
  return {
    snapshot: {
      documents: [],
      units: snap.units,
      tasks: snap.tasks.filter((t) => t.level === 'item'),
      groups: [],
      members: [],
      duties: [],
      rounds: [],
      roundUnits: [],
      reports: [],
    },
    mappings,
  };
}

/**
 * The bundled worker beside the bundled main process (dist/main), else the TypeScript source through
 * tsx (the CLI, vitest, the browser harness).
 */
function defaultWorkerScript(): string {
  const bundled = path.join(__dirname, 'readerWorker.js');
  return fs.existsSync(bundled) ? bundled : path.join(__dirname, 'readerWorker.source.cjs');
}

type Log = ReadersOptions['log'];

/** The file a request is for: what its messages name, and its limit. */
interface FileJob {
  kind: Kind;
  name: string;
  timeoutMs: number;
  log: Log;
}

/** A worker and the ledgers it holds; restarted (empty) after a stop. */
interface Slot {
  worker: Worker | null;
  /** The ledgers the running worker holds, by batch. */
  held: Set<number>;
  busy: boolean;
  idle: NodeJS.Timeout | null;
}

/**
 * Two workers read two files at a time where the machine has two cores: the main thread only waits,
 * so a batch takes about half as long, and a file that hangs until its limit holds up one of them.
 */
const POOL_SIZE = Math.max(1, Math.min(2, os.availableParallelism()));

/** The workers (started as needed) and the files waiting for one, shared by the batches of a process. */
class ReaderHost {
  private readonly slots: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private nextId = 0;

  constructor(
    private readonly script: string,
    private readonly heapMb: number,
  ) {}

  /** Runs a job on a free worker, or on the first to come free. */
  async run<T>(file: FileJob, job: (slot: Slot, worker: Worker) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      let worker: Worker;
      try {
        worker = this.ensure(slot);
      } catch (err) {
        throw internalFailure(file.kind, file.name, err, file.log);
      }
      return await job(slot, worker);
    } finally {
      this.release(slot);
    }
  }

  /** The batch is done: workers holding its ledger drop it (the message needs no answer). */
  forget(ledgerId: number): void {
    for (const slot of this.slots) {
      if (slot.held.delete(ledgerId) && slot.worker)
        slot.worker.postMessage({ id: 0, type: 'forget', ledgerId } satisfies ReaderRequest);
    }
  }

  private acquire(): Promise<Slot> {
    let slot = this.slots.find((s) => !s.busy);
    if (!slot && this.slots.length < POOL_SIZE)
      this.slots.push((slot = { worker: null, held: new Set(), busy: false, idle: null }));
    if (slot) {
      slot.busy = true;
      if (slot.idle) clearTimeout(slot.idle);
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) return next(slot);
    slot.busy = false;
    slot.idle = setTimeout(() => {
      if (!slot.busy && slot.worker) this.stop(slot, slot.worker);
    }, IDLE_MS);
    slot.idle.unref();
  }

  private ensure(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    // An idle worker never keeps the process (the CLI) alive; a file being read keeps it by its timer.
    worker.unref();
    // Failures are taken by the file being read; one between files, or while stopping, must not become
    // an uncaught 'error' event in the main process.
    worker.on('error', () => undefined);
    worker.on('exit', () => this.discard(slot, worker));
    slot.worker = worker;
    return worker;
  }

  /** A stopped or failed worker is never asked again; the next file starts a fresh one. */
  private discard(slot: Slot, worker: Worker): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    slot.held.clear();
  }

  private stop(slot: Slot, worker: Worker): void {
    this.discard(slot, worker);
    void worker.terminate();
  }

  /** One request and its reply, under the time limit; the worker is stopped if it runs past it. */
  ask(slot: Slot, worker: Worker, request: ReaderJob, file: FileJob): Promise<unknown> {
    const id = ++this.nextId;
    const { kind, name, timeoutMs, log } = file;
    return new Promise((resolve, reject) => {
      const settle = (then: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        then();
      };
      const onMessage = (reply: ReaderReply) => {
        if (reply.id !== id) return;
        if (reply.ok) return settle(() => resolve(reply.value));
        const refusal = reply.error;
        if (refusal) {
          if (reply.detail) log?.('warn', `reader refused ${name}: ${refusal.code}`, reply.detail);
          return settle(() => reject(new DomainError(refusal.code, refusal.message)));
        }
        settle(() => reject(internalFailure(kind, name, reply.detail, log)));
      };
      const onError = (err: Error & { code?: string }) => {
        this.discard(slot, worker);
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          log?.('warn', `reader stopped ${name}: heap limit ${this.heapMb} MB`);
          return settle(() =>
            reject(
              new DomainError(
                'read_memory',
                `“${name}”读取所需内存超过上限 ${this.heapMb} MB，已停止读取（文件可能已损坏，或内容过于庞大）。${RESAVE[kind]}。其他文件不受影响。`,
              ),
            ),
          );
        }
        settle(() => reject(internalFailure(kind, name, err, log)));
      };
      const onExit = (code: number) =>
        settle(() => reject(internalFailure(kind, name, `reader worker exited with code ${code}`, log)));
      const timer = setTimeout(() => {
        log?.('warn', `reader stopped ${name}: time limit ${timeoutMs} ms`);
        this.stop(slot, worker);
        settle(() =>
          reject(
            new DomainError(
              'read_timeout',
              `“${name}”读取超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止读取（文件可能已损坏，或内容过于庞大复杂）。${RESAVE[kind]}。其他文件不受影响。`,
            ),
          ),
        );
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...request, id });
    });
  }
}

function internalFailure(kind: Kind, fileName: string, detail: unknown, log: Log): DomainError {
  log?.('error', `reader failed on ${fileName}`, detail);
  return new DomainError(
    'read_failed',
    `“${fileName}”读取时出错，未能读取（文件可能已损坏或格式不受支持）。${RESAVE[kind]}；如仍出错，请把“帮助 → 打开日志文件夹”中的日志发给技术支持。其他文件不受影响。`,
  );
}

/** Batches with the same worker script and heap share a worker. */
const hosts = new Map<string, ReaderHost>();
let nextLedgerId = 0;

/** One batch's reading: its ledger, limits and log, over the process's reader workers. */
export class Readers {
  private readonly limits: ReaderLimits;
  private readonly host: ReaderHost;
  private readonly ledgerId = ++nextLedgerId;

  constructor(private readonly options: ReadersOptions = {}) {
    this.limits = {
      timeoutMs: options.limits?.timeoutMs ?? READ_TIMEOUT_MS,
      heapMb: options.limits?.heapMb ?? READER_HEAP_MB,
    };
    const script = options.workerScript ?? defaultWorkerScript();
    const key = `${script}\u0000${this.limits.heapMb}`;
    let host = hosts.get(key);
    if (!host) hosts.set(key, (host = new ReaderHost(script, this.limits.heapMb)));
    this.host = host;
  }

  /** analyzeReturn, for previewReturnFile. */
  readonly analyzeFile = (fileName: string, data: Buffer, options: ReturnOptions) =>
    this.analyzeReturn(fileName, data, options);
  /** readDocument, for reviewDocument. */
  readonly readDocumentFile = (fileName: string, data: Buffer, knownUnits: Unit[]) =>
    this.readDocument(fileName, data, knownUnits);

  /** Reads and matches one return; a file that cannot be read comes back with `error` set, never thrown. */
  async analyzeReturn(fileName: string, data: Buffer, options: ReturnOptions): Promise<FileAnalysis> {
    const ledger = this.options.ledger;
    if (!ledger) throw new Error('Readers need the ledger to analyze returns');
    const file = { kind: 'returns' as const, name: fileName, timeoutMs: this.limits.timeoutMs, log: this.options.log };
    try {
      return (await this.host.run(file, async (slot, worker) => {
        if (!slot.held.has(this.ledgerId)) {
          await this.host.ask(slot, worker, { type: 'ledger', ledgerId: this.ledgerId, ledger }, file);
          slot.held.add(this.ledgerId);
        }
        return this.host.ask(slot, worker, { type: 'returns', ledgerId: this.ledgerId, fileName, data, options }, file);
      })) as FileAnalysis;
    } catch (err) {
      if (err instanceof DomainError) return blankAnalysis(fileName, data, err.toData());
      throw err;
    }
  }

  /** Reads one policy document; a file that cannot be read is refused with a DomainError naming it. */
  async readDocument(fileName: string, data: Buffer, knownUnits: Unit[]): Promise<DocumentAnalysis> {
    const file = { kind: 'document' as const, name: fileName, timeoutMs: this.limits.timeoutMs, log: this.options.log };
    return (await this.host.run(file, (slot, worker) =>
      this.host.ask(slot, worker, { type: 'document', fileName, data, knownUnits }, file),
    )) as DocumentAnalysis;
  }

  /** The batch is done: the workers drop its ledger (the workers themselves stay a while for the next batch). */
  async close(): Promise<void> {
    this.host.forget(this.ledgerId);
  }
}

/** Readers for one batch, closed however the batch ends. */
export async function withReaders<T>(options: ReadersOptions, use: (readers: Readers) => Promise<T>): Promise<T> {
  const readers = new Readers(options);
  try {
    return await use(readers);
  } finally {
    await readers.close();
  }
}
