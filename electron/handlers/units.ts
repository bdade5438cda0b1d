import { createUnit, deleteUnit, listUnits, updateUnit } from '../db/repositories/units';
import type { FeatureHandlers } from './types';

export const unitHandlers: FeatureHandlers<'units:list' | 'units:create' | 'units:update' | 'units:delete'> = {
  'units:list': (ctx) => listUnits(ctx.ledger),
  'units:create': (ctx, req) => createUnit(ctx.ledger, req),
  'units:update': (ctx, req) => updateUnit(ctx.ledger, req.id, req.patch),
  'units:delete': (ctx, req) => {
    deleteUnit(ctx.ledger, req.id);
    return { deleted: req.id };
  },
};
