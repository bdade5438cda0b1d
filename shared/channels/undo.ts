import { z } from 'zod';
import { channel } from './define';

export interface UndoOutcome {
  /** What was undone or redone, e.g. 修改任务; null when there was nothing to do. */
  label: string | null;
  undo: string | null;
  redo: string | null;
}

export const undoChannels = {
  'undo:state': channel<UndoOutcome>()(z.object({})),
  'undo:undo': channel<UndoOutcome>()(z.object({})),
  'undo:redo': channel<UndoOutcome>()(z.object({})),
};
