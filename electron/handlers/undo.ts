import { redoNext, undoLast, undoState } from '../db/undo';
import type { FeatureHandlers } from './types';

export const undoHandlers: FeatureHandlers<'undo:state' | 'undo:undo' | 'undo:redo'> = {
  'undo:state': (ctx) => ({ label: null, ...undoState(ctx.ledger) }),
  'undo:undo': (ctx) => {
    const label = undoLast(ctx.ledger);
    return { label, ...undoState(ctx.ledger) };
  },
  'undo:redo': (ctx) => {
    const label = redoNext(ctx.ledger);
    return { label, ...undoState(ctx.ledger) };
  },
};
