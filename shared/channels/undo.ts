// 撤销/重做's channels: what can be undone or redone, and doing it.
import { z } from 'zod';
import { UNDO_PAGES } from '../domain';
import { channel } from './define';

export { UNDO_PAGES, type UndoPage } from '../domain';

export interface UndoOutcome {
  /** What was undone or redone, e.g. 修改 第3项 的完成时限; null when there was nothing to do. */
  label: string | null;
  undo: string | null;
  redo: string | null;
}

/** Without a page, the whole ledger's last change (the CLI and older callers). */
const pageRequest = z.object({ page: z.enum(UNDO_PAGES).optional() });

export const undoChannels = {
  'undo:state': channel<UndoOutcome>()(pageRequest),
  'undo:undo': channel<UndoOutcome>()(pageRequest),
  'undo:redo': channel<UndoOutcome>()(pageRequest),
};
