// The handler's type for each channel, so a feature's handler map is checked against the channel map.
import type { ChannelName, ResponseOf, ValidRequestOf } from '../../shared/channels';
import type { AppContext } from './context';

export type Handler<C extends ChannelName> = (
  ctx: AppContext,
  request: ValidRequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type HandlerMap = { [C in ChannelName]: Handler<C> };
/** A feature declares the handlers for its own channels. */
export type FeatureHandlers<C extends ChannelName> = { [K in C]: Handler<K> };
