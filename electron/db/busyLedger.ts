// Two programs, one ledger: while the CLI (or a second app) holds the write lock, a write waits and tries
// again instead of failing. SQLite's own wait (busy_timeout) blocks the thread it runs on, so the app keeps
// it short and does the long wait here, between attempts, where the main process stays responsive.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './connection';

/** How long a write keeps trying before the clerk is told the ledger is in use. */
export const BUSY_WAIT_LIMIT_MS = 10_000;
/** The pause between attempts: the event loop runs (other calls, the window) while it lasts. */
export const BUSY_RETRY_PAUSE_MS = 100;
/**
 * SQLite's own wait inside each attempt after the first. The first attempt waits the connection's
 * busy_timeout (a short write of the other program then gets through without a retry at all); later ones
 * block the thread only briefly, since the waiting is done between attempts.
 */
const RETRY_BUSY_TIMEOUT_MS = 20;

export interface BusyWaitOptions {
  limitMs?: number;
  pauseMs?: number;
  /** Told once, when the first attempt found the ledger busy (for the log). */
  onWait?: (err: unknown) => void;
}

export function isLedgerBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

interface WriteMark {
  db: Db;
  changes: number;
}

/**
 * total_changes() counts every row this connection has inserted, updated or deleted since it opened,
 * committed or rolled back. Unchanged across a failed attempt means the attempt wrote nothing at all, so
 * running it again cannot do anything twice.
 */
function markOf(db: Db): WriteMark | null {
  try {
    if (!db.open) return null;
    return { db, changes: (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n };
  } catch {
    return null;
  }
}

function wroteNothing(mark: WriteMark | null, db: Db): boolean {
  if (!mark || mark.db !== db || !db.open || db.inTransaction) return false;
  return markOf(db)?.changes === mark.changes;
}

interface RetryScope {
  /** What an earlier attempt of the same call left behind (a backup file), by key. */
  earlier: Map<string, string>;
}
const scope = new AsyncLocalStorage<RetryScope>();

/**
 * For side effects outside the ledger that an attempt takes before it writes (the event backup before an
 * import): records `value` for this call and returns what an earlier, failed attempt of the same call
 * recorded under `key`, so the caller can remove it instead of keeping one per attempt.
 */
export function supersedeEarlierAttempt(key: string, value: string): string | undefined {
  const current = scope.getStore();
  if (!current) return undefined;
  const earlier = current.earlier.get(key);
  current.earlier.set(key, value);
  return earlier === value ? undefined : earlier;
}

type Attempt<T> = { ok: true; value: T | Promise<T> } | { ok: false; err: unknown; retry: boolean };

function attemptOnce<T>(db: () => Db, run: () => T | Promise<T>, retrying: boolean): Attempt<T> {
  const conn = db();
  const mark = markOf(conn);
  const timeout = retrying && mark ? (conn.pragma('busy_timeout', { simple: true }) as number) : null;
  if (timeout !== null) conn.pragma(`busy_timeout = ${RETRY_BUSY_TIMEOUT_MS}`);
  try {
    // Only a synchronous failure is retried: an asynchronous handler may have asked the clerk something
    // or written a file before it failed, and must not do that twice.
    return { ok: true, value: run() };
  } catch (err) {
    return { ok: false, err, retry: isLedgerBusy(err) && wroteNothing(mark, db()) };
  } finally {
    if (timeout !== null && conn.open) conn.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * Runs `run` (a handler) and, while it fails on a busy ledger having written nothing, runs it again after
 * a pause, up to `limitMs` in all; then the last error is thrown (dispatch tells the clerk in Chinese).
 * `db` is read at each attempt: the ledger the attempt runs against.
 */
export async function retryWhileBusy<T>(
  db: () => Db,
  run: () => T | Promise<T>,
  options: BusyWaitOptions = {},
): Promise<T> {
  const limit = options.limitMs ?? BUSY_WAIT_LIMIT_MS;
  const pause = options.pauseMs ?? BUSY_RETRY_PAUSE_MS;
  return scope.run({ earlier: new Map() }, async () => {
    const started = Date.now();
    for (let retrying = false; ; retrying = true) {
      const attempt = attemptOnce(db, run, retrying);
      if (attempt.ok) return attempt.value;
      if (!attempt.retry || Date.now() - started + pause > limit) throw attempt.err;
      if (!retrying) options.onWait?.(attempt.err);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  });
}
