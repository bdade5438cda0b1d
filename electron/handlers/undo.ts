// 撤销/重做 of one page (or of the whole ledger when no page is named).
import { redoNext, undoLast, undoState } from '../db/undo';
import type { FeatureHandlers } from './types';

export const undoHandlers: FeatureHandlers<'undo:state' | 'undo:undo' | 'undo:redo'> = {
  'undo:state': (ctx, req) => ({ label: null, ...undoState(ctx.ledger, req.page) }),
  'undo:undo': (ctx, req) => {
    const label = undoLast(ctx.ledger, req.page);
    return { label, ...undoState(ctx.ledger, req.page) };
  },
  'undo:redo': (ctx, req) => {
    const label = redoNext(ctx.ledger, req.page);
    return { label, ...undoState(ctx.ledger, req.page) };
  },
};
