// The one path by which a page tells the clerk what happened: one Chinese error (which wins) or one notice.
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../api';

export interface PageMessagesState {
  error: string;
  notice: string;
  /** Shows a notice and clears any error. */
  tell: (notice: string) => void;
  /**
   * Shows what went wrong and clears the notice: a sentence of ours as given, an AppError's Chinese message,
   * and anything else as a general 操作未完成 (never an internal message or a stack).
   */
  fail: (err: unknown) => void;
  /** Sets both at once: the (notice, error) pair child sections report with. */
  report: (notice: string, error: string) => void;
  clearError: () => void;
}

export function usePageMessages(): PageMessagesState {
  const [state, setState] = useState({ error: '', notice: '' });
  const tell = useCallback((notice: string) => setState({ error: '', notice }), []);
  const fail = useCallback(
    (err: unknown) => setState({ error: typeof err === 'string' ? err : errorMessage(err), notice: '' }),
    [],
  );
  const report = useCallback((notice: string, error: string) => setState({ error, notice }), []);
  const clearError = useCallback(() => setState((s) => ({ ...s, error: '' })), []);
  return useMemo(() => ({ ...state, tell, fail, report, clearError }), [state, tell, fail, report, clearError]);
}
