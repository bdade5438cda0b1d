// Township returns read for a preview, held in main under a token until the clerk commits or drops them:
// the renderer keeps only the token, and a re-read (another unit, a corrected column, another round) or the
// commit works on exactly the bytes that were previewed, which never cross IPC.
import crypto from 'node:crypto';
import type { ReturnFieldName, ReturnFileView } from '../../../shared/channels/returns';
import { DomainError } from '../../../shared/errors';
import type { LedgerContext } from '../../db/audit';

export type SheetOverrides = Record<string, { headerRow?: number; columns?: Partial<Record<ReturnFieldName, number>> }>;

/** One previewed file: its bytes, how it was last read, and the clerk's choices that reading used. */
export interface HeldPreview {
  token: string;
  fileName: string;
  /** Where it was read from, for the log (the bytes held are what was previewed, whatever the file is now). */
  path: string;
  data: Buffer;
  /** The round the view was weighed against; the commit must name the same one. */
  roundId: number | null;
  /** The clerk's choice of township, when she made one (else the file's own). */
  unitId?: number;
  overrides?: SheetOverrides;
  view: ReturnFileView;
  heldAt: number;
  usedAt: number;
}

export interface HeldLimits {
  /** Files held at once (a round's returns from every township, several times over). */
  maxFiles: number;
  /** Their bytes together (returns are at most 20 MB each; most are under 100 KB). */
  maxBytes: number;
  /** Since last use: a preview left open over lunch still commits, one left overnight does not. */
  maxAgeMs: number;
}

export const HELD_LIMITS: HeldLimits = { maxFiles: 200, maxBytes: 400 * 1024 * 1024, maxAgeMs: 4 * 60 * 60 * 1000 };

/** Names kept of dropped previews, so an expired token is still told by its file's name. */
const MAX_REMEMBERED_NAMES = 1000;

export type HoldRequest = Omit<HeldPreview, 'token' | 'heldAt' | 'usedAt'>;

/** The previews of one ledger. The oldest unused go first when a limit is reached. */
export class HeldPreviews {
  private readonly held = new Map<string, HeldPreview>();
  private readonly dropped = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly limits: HeldLimits = HELD_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly log?: (message: string) => void,
  ) {}

  get count(): number {
    return this.held.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Holds a new preview and returns its token; older previews make room if a limit would be passed. */
  hold(request: HoldRequest): string {
    this.expire();
    const token = crypto.randomUUID();
    const at = this.now();
    this.held.set(token, { ...request, token, heldAt: at, usedAt: at });
    this.bytes += request.data.length;
    // Least recently used first: a Map iterates in insertion order, and use re-inserts (see get).
    for (const [oldest, entry] of this.held) {
      if (this.held.size <= this.limits.maxFiles && this.bytes <= this.limits.maxBytes) break;
      if (oldest === token) break;
      this.log?.(`held preview ${entry.fileName} dropped to make room`);
      this.drop(oldest);
    }
    return token;
  }

  /** The preview held under `token`; refused in Chinese when it expired, was dropped or never was. */
  get(token: string): HeldPreview {
    this.expire();
    const entry = this.held.get(token);
    if (!entry) {
      const name = this.dropped.get(token);
      throw new DomainError(
        'preview_expired',
        name
          ? `“${name}”的预览已过期或已被清除（预览最多保留 ${Math.round(this.limits.maxAgeMs / 3_600_000)} 小时），未导入。请重新选择该文件。`
          : '该文件的预览已过期或已被清除，未导入。请重新选择该文件。',
      );
    }
    entry.usedAt = this.now();
    this.held.delete(token);
    this.held.set(token, entry);
    return entry;
  }

  /** A new reading of a held file (another unit, corrected columns, another round), under the same token. */
  update(token: string, change: Pick<HeldPreview, 'roundId' | 'unitId' | 'overrides' | 'view'>): void {
    const entry = this.get(token);
    Object.assign(entry, change);
  }

  /** Lets go of the previews named; a token no longer held is ignored (released twice, or expired). */
  release(tokens: Iterable<string>): number {
    let released = 0;
    for (const token of tokens) if (this.drop(token)) released += 1;
    return released;
  }

  /** Lets go of everything (the ledger was closed or switched). */
  clear(): void {
    this.release([...this.held.keys()]);
  }

  private expire(): void {
    const before = this.now() - this.limits.maxAgeMs;
    for (const [token, entry] of this.held) if (entry.usedAt < before) this.drop(token);
  }

  private drop(token: string): boolean {
    const entry = this.held.get(token);
    if (!entry) return false;
    this.held.delete(token);
    this.bytes -= entry.data.length;
    this.dropped.set(token, entry.fileName);
    if (this.dropped.size > MAX_REMEMBERED_NAMES) this.dropped.delete(this.dropped.keys().next().value!);
    return true;
  }
}

/** Each open ledger has its own previews: a preview never commits into a ledger it was not read against. */
const byLedger = new WeakMap<LedgerContext, HeldPreviews>();

export function heldPreviewsOf(ledger: LedgerContext, log?: (message: string) => void): HeldPreviews {
  let held = byLedger.get(ledger);
  if (!held) byLedger.set(ledger, (held = new HeldPreviews(HELD_LIMITS, Date.now, log)));
  return held;
}

/** The ledger is being closed or replaced (restore, 打开其他台账): its previews go with it. */
export function releaseHeldPreviews(ledger: LedgerContext): void {
  byLedger.get(ledger)?.clear();
  byLedger.delete(ledger);
}
