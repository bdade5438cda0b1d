// The undoable() wrapper: one clerk action becomes one change set that its page's Ctrl+Z takes back.
import type { ChannelName, ResponseOf, ValidRequestOf } from '../../shared/channels';
import type { UndoPage } from '../../shared/domain';
import { getBinEntry } from '../db/repositories/recycleBin';
import { runUndoable } from '../db/undo';
import type { AppContext } from './context';
import type { HandlerMap } from './types';

type SyncHandler<C extends ChannelName> = (ctx: AppContext, request: ValidRequestOf<C>) => ResponseOf<C>;
type Label<C extends ChannelName> = string | ((request: ValidRequestOf<C>, ctx: AppContext) => string);
type Page<C extends ChannelName> = UndoPage | ((request: ValidRequestOf<C>, ctx: AppContext) => UndoPage);

interface Spec {
  label: Label<never>;
  handler: SyncHandler<never>;
  page: Page<never> | undefined;
}

const wrapped = new WeakMap<object, Spec>();

/**
 * Wraps a handler so the clerk's action becomes one undoable change set (cf. Actual's undoable()). The label
 * may depend on the request and on the ledger as it is before the action (还原单位“…”). The page whose
 * 撤销 takes it back defaults to the one its channel belongs to (see withUndoPages).
 */
export function undoable<C extends ChannelName>(
  label: Label<C>,
  handler: SyncHandler<C>,
  page?: Page<C>,
): SyncHandler<C> {
  const run: SyncHandler<C> = (ctx, request) =>
    runUndoable(
      ctx.ledger,
      typeof label === 'function' ? label(request, ctx) : label,
      (ledger) => handler({ ...ctx, ledger }, request),
      typeof page === 'function' ? page(request, ctx) : (page ?? 'tasks'),
    );
  wrapped.set(run, { label, handler, page } as unknown as Spec);
  return run;
}

/** Whether a handler was wrapped by undoable(): the undo round-trip test walks every such channel. */
export function isUndoable(handler: unknown): boolean {
  return typeof handler === 'function' && wrapped.has(handler);
}

/** The page a bin entry's kind is edited on: putting a unit back is undone on 责任单位. */
const PAGE_OF_BIN_KIND: Record<string, UndoPage> = {
  unit: 'units',
  task: 'tasks',
  document: 'tasks',
  group: 'groups',
  member: 'groups',
  duty: 'groups',
  round: 'rounds',
};

/** The page a channel's changes are undone on, by its feature. */
function pageOfChannel(channel: string): Page<never> {
  const feature = channel.split(':')[0];
  if (feature === 'units' || feature === 'groups' || feature === 'rounds') return feature;
  if (feature === 'recycleBin') {
    return (request: { id: number }, ctx: AppContext) =>
      PAGE_OF_BIN_KIND[getBinEntry(ctx.ledger, request.id).kind] ?? 'tasks';
  }
  return 'tasks';
}

/** Gives every undoable handler that names no page its channel's page (dispatch builds its map through this). */
export function withUndoPages(map: HandlerMap): HandlerMap {
  const out: Record<string, unknown> = { ...map };
  for (const [channel, handler] of Object.entries(map)) {
    const spec = wrapped.get(handler);
    if (!spec || spec.page !== undefined) continue;
    out[channel] = undoable(spec.label, spec.handler, pageOfChannel(channel));
  }
  return out as HandlerMap;
}
