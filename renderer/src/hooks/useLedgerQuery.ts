// Reading the ledger for a page: loading state, errors through the page's messages, reload after 撤销/重做.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '@shared/channels';
import { invoke } from '../api';
import { onLedgerChanged } from './ledgerChanges';

export interface LedgerQueryOptions<T> {
  /** Where a failed read is told (usually the page's `messages.fail`); the data shown before stays. */
  onError: (err: unknown) => void;
  /** Called with each answer as it arrives, e.g. to pick a default selection. */
  onData?: (data: T) => void;
  /** Another value that, when it changes, reads again (a version bumped by a sibling section). */
  refreshKey?: unknown;
}

export interface LedgerQuery<T> {
  /** The last answer; undefined before the first one and while no request is asked for. */
  data: T | undefined;
  loading: boolean;
  /** Reads again; resolves once the answer is shown (or the error told). */
  reload: () => Promise<void>;
  /** Puts a value the page already has (the answer of a write) in place of the last answer. */
  setData: Dispatch<SetStateAction<T | undefined>>;
}

/**
 * Runs `load` now, whenever it changes (memoize it with useCallback), after 撤销/重做 and on `reload()`.
 * A `load` of null asks for nothing and clears the data. Only the newest request's answer is shown, so a
 * slow answer for the previous selection never replaces the current one.
 */
export function useLedgerLoad<T>(load: (() => Promise<T>) | null, options: LedgerQueryOptions<T>): LedgerQuery<T> {
  // The last answer with the request it answers: loading until the current `load` has been answered.
  const [answer, setAnswer] = useState<{ load: (() => Promise<T>) | null; data: T | undefined }>({
    load: null,
    data: undefined,
  });
  const [reloading, setReloading] = useState(0);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const asked = useRef(0);
  // State is set only when the answer arrives, never while the request is made (effects call this).
  const fetchNow = useCallback((): Promise<void> => {
    if (!load) return Promise.resolve();
    const request = ++asked.current;
    return load().then(
      (data) => {
        if (request !== asked.current) return;
        setAnswer({ load, data });
        latest.current.onData?.(data);
      },
      (err: unknown) => {
        if (request !== asked.current) return;
        setAnswer((a) => ({ ...a, load }));
        latest.current.onError(err);
      },
    );
  }, [load]);
  const { refreshKey } = options;
  useEffect(() => {
    void fetchNow();
  }, [fetchNow, refreshKey]);
  useEffect(() => onLedgerChanged(fetchNow), [fetchNow]);
  const reload = useCallback(async () => {
    setReloading((n) => n + 1);
    try {
      await fetchNow();
    } finally {
      setReloading((n) => n - 1);
    }
  }, [fetchNow]);
  const setData = useCallback<Dispatch<SetStateAction<T | undefined>>>(
    (next) =>
      setAnswer((a) => ({
        ...a,
        data: typeof next === 'function' ? (next as (previous: T | undefined) => T | undefined)(a.data) : next,
      })),
    [],
  );
  return {
    data: load ? answer.data : undefined,
    loading: load !== null && (answer.load !== load || reloading > 0),
    reload,
    setData,
  };
}

/**
 * One channel read as a query: `useLedgerQuery('rounds:view', roundId === null ? null : { id: roundId }, …)`.
 * The payload is compared by value, so an object literal written in render does not read again.
 */
export function useLedgerQuery<C extends ChannelName>(
  channel: C,
  payload: RequestOf<C> | null,
  options: LedgerQueryOptions<ResponseOf<C>>,
): LedgerQuery<ResponseOf<C>> {
  const key = payload === null ? null : JSON.stringify(payload);
  const load = useCallback(() => invoke(channel, JSON.parse(key ?? '{}') as RequestOf<C>), [channel, key]);
  return useLedgerLoad(key === null ? null : load, options);
}
