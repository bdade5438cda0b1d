// The ledger settings' channels: read them, change them.
import { readSettings, updateSettings } from '../db/repositories/settings';
import type { FeatureHandlers } from './types';

export const settingsHandlers: FeatureHandlers<'settings:get' | 'settings:update'> = {
  'settings:get': (ctx) => readSettings(ctx.ledger),
  'settings:update': (ctx, patch) => updateSettings(ctx.ledger, patch),
};
