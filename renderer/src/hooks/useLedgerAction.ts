// Writing to the ledger from a page: busy state, the Chinese error on failure, a reload and a notice on success.
import { useCallback, useState } from 'react';
import { errorMessage } from '../api';
import type { PageMessagesState } from './usePageMessages';

export interface ActionOptions<R> {
  /** Told once the action (and the reload) is done; a function gets the action's answer. */
  notice?: string | ((result: R) => string);
  /** Read again after success, before the notice, so what the notice announces is already on screen. */
  reload?: () => Promise<unknown> | void;
  /** Also read again after a failure (the ledger may have changed in part, or under another program). */
  reloadOnError?: boolean;
  /** Called with the Chinese message too, e.g. to mark the grid cell whose edit was refused. */
  onError?: (message: string) => void;
}

export type ActionResult<R> = { ok: true; value: R } | { ok: false };

export interface LedgerAction {
  /** Runs one write; resolves to its answer, or to { ok: false } when it failed (the error is then shown). */
  run: <R>(action: () => Promise<R>, options?: ActionOptions<R>) => Promise<ActionResult<R>>;
  /** True while a write started here is running. */
  busy: boolean;
}

export function useLedgerAction(messages: Pick<PageMessagesState, 'tell' | 'fail'>): LedgerAction {
  const { tell, fail } = messages;
  const [running, setRunning] = useState(0);
  const run = useCallback(
    async <R>(action: () => Promise<R>, options: ActionOptions<R> = {}): Promise<ActionResult<R>> => {
      setRunning((n) => n + 1);
      try {
        const result = await action();
        await options.reload?.();
        const { notice } = options;
        if (notice !== undefined) tell(typeof notice === 'function' ? notice(result) : notice);
        return { ok: true, value: result };
      } catch (err) {
        fail(err);
        options.onError?.(errorMessage(err));
        if (options.reloadOnError) await options.reload?.();
        return { ok: false };
      } finally {
        setRunning((n) => n - 1);
      }
    },
    [tell, fail],
  );
  return { run, busy: running > 0 };
}

/** For a dialog that shows its own error: null when the write succeeded, else the Chinese message. */
export async function attempt(action: () => Promise<unknown>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (err) {
    return errorMessage(err);
  }
}
