import { useCallback, useEffect, useState } from 'react';
import type { UndoOutcome } from '../../../shared/channels/undo';
import { errorMessage, invoke } from '../api';

/** Typing in a field keeps the browser's own Ctrl+Z; elsewhere it undoes the last ledger action. */
function isTextEntry(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable));
}

export function useUndo(afterChange: () => Promise<void> | void, report: (notice: string, error: string) => void) {
  const [state, setState] = useState<UndoOutcome>({ label: null, undo: null, redo: null });
  const refresh = useCallback(() => invoke('undo:state', {}).then(setState, () => undefined), []);
  const run = useCallback(
    async (channel: 'undo:undo' | 'undo:redo') => {
      try {
        const outcome = await invoke(channel, {});
        setState(outcome);
        if (outcome.label) {
          report(`${channel === 'undo:undo' ? '已撤销' : '已重做'}：${outcome.label}`, '');
          await afterChange();
        } else {
          report(channel === 'undo:undo' ? '没有可撤销的操作。' : '没有可重做的操作。', '');
        }
      } catch (err) {
        report('', errorMessage(err));
      }
    },
    [afterChange, report],
  );
  useEffect(() => {
    void refresh();
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTextEntry(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void run('undo:undo');
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void run('undo:redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [refresh, run]);
  return { state, refresh, undo: () => run('undo:undo'), redo: () => run('undo:redo') };
}
