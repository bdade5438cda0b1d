// A restore replaces the ledger file under the open connection. Calls that arrive meanwhile wait for it and
// then run against the restored ledger; a restore waits for calls already running (an export whose save
// dialog is open, a write waiting on a busy ledger), so no call runs half on the old ledger and half on the new.
import type { AppContext } from './context';

/** Channels that close the ledger and open another file in its place: each runs alone. */
export const LEDGER_SWAPPING_CHANNELS: ReadonlySet<string> = new Set(['backups:restore', 'recovery:startEmpty']);

interface Waiting {
  alone: boolean;
  start: () => void;
}

/**
 * A readers-writer lock in miniature: ordinary calls run side by side, a swapping call runs alone. Calls
 * start in the order they arrived, so one that arrives after a restore was asked for waits for it.
 */
export class LedgerGate {
  private sharing = 0;
  private alone = false;
  private readonly queue: Waiting[] = [];

  async run<T>(alone: boolean, fn: () => Promise<T>): Promise<T> {
    await this.enter(alone);
    try {
      return await fn();
    } finally {
      if (alone) this.alone = false;
      else this.sharing--;
      this.drain();
    }
  }

  private enter(alone: boolean): Promise<void> {
    if (this.queue.length === 0 && this.canStart(alone)) {
      this.take(alone);
      return Promise.resolve();
    }
    return new Promise((start) => this.queue.push({ alone, start }));
  }

  private canStart(alone: boolean): boolean {
    return !this.alone && (!alone || this.sharing === 0);
  }

  private take(alone: boolean): void {
    if (alone) this.alone = true;
    else this.sharing++;
  }

  private drain(): void {
    while (this.queue.length > 0 && this.canStart(this.queue[0]!.alone)) {
      const next = this.queue.shift()!;
      this.take(next.alone);
      next.start();
    }
  }
}

const gates = new WeakMap<AppContext, LedgerGate>();

/** The one gate of an app's context (dispatch keeps one AppContext for the life of the app). */
export function ledgerGate(ctx: AppContext): LedgerGate {
  let gate = gates.get(ctx);
  if (!gate) gates.set(ctx, (gate = new LedgerGate()));
  return gate;
}
