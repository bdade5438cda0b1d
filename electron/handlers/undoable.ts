import type { ChannelName, ResponseOf, ValidRequestOf } from '../../shared/channels';
import { runUndoable } from '../db/undo';
import type { AppContext } from './context';

type SyncHandler<C extends ChannelName> = (ctx: AppContext, request: ValidRequestOf<C>) => ResponseOf<C>;

/** Wraps a handler so the clerk's action becomes one undoable change set (cf. Actual's undoable()). */
export function undoable<C extends ChannelName>(label: string | ((request: ValidRequestOf<C>) => string), handler: SyncHandler<C>): SyncHandler<C> {
  return (ctx, request) =>
    runUndoable(ctx.ledger, typeof label === 'function' ? label(request) : label, (ledger) => handler({ ...ctx, ledger }, request));
}
