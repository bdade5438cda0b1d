// Ctrl+Z / Ctrl+Y outside a text field undo and redo the last ledger action, and say what was undone.
import { useCallback, useEffect, useState } from 'react';
import type { UndoOutcome, UndoPage } from '@shared/channels/undo';
import { errorMessage, invoke } from '../api';
import { announceLedgerChanged } from '../hooks/ledgerChanges';

/** Typing in a field keeps the browser's own Ctrl+Z; elsewhere it undoes the last ledger action. */
function isTextEntry(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(
    el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable),
  );
}

/**
 * 撤销/重做 of one page (buttons and Ctrl+Z / Ctrl+Y): only the changes made on `page` are taken back
 * ('tasks' 任务清单, 'units' 责任单位, 'groups' 领导小组, 'rounds' 调度轮次; 任务清单 when not given, where
 * Ctrl+Z lived first). After each step every open ledger query reads again (announceLedgerChanged), so
 * whatever page is shown reflects the ledger as it now is. `state.undo`/`state.redo` name the next step.
 */
export function useUndo(report: (notice: string, error: string) => void, page: UndoPage = 'tasks') {
  const [state, setState] = useState<UndoOutcome>({ label: null, undo: null, redo: null });
  const refresh = useCallback(() => invoke('undo:state', { page }).then(setState, () => undefined), [page]);
  const run = useCallback(
    async (channel: 'undo:undo' | 'undo:redo') => {
      try {
        const outcome = await invoke(channel, { page });
        setState(outcome);
        if (outcome.label) {
          report(`${channel === 'undo:undo' ? '已撤销' : '已重做'}：${outcome.label}`, '');
          await announceLedgerChanged();
        } else {
          report(channel === 'undo:undo' ? '没有可撤销的操作。' : '没有可重做的操作。', '');
        }
      } catch (err) {
        report('', errorMessage(err));
      }
    },
    [report, page],
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
