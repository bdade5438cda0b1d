// 责任单位's channels: list units, and create, update or delete one (undoable).
import { createUnit, deleteUnit, listUnits, updateUnit } from '../db/repositories/units';
import type { FeatureHandlers } from './types';
import { undoable } from './undoable';

export const unitHandlers: FeatureHandlers<'units:list' | 'units:create' | 'units:update' | 'units:delete'> = {
  'units:list': (ctx) => listUnits(ctx.ledger),
  'units:create': undoable<'units:create'>('新增单位', (ctx, req) => createUnit(ctx.ledger, req)),
  'units:update': undoable<'units:update'>('修改单位', (ctx, req) => updateUnit(ctx.ledger, req.id, req.patch)),
  'units:delete': undoable<'units:delete'>('删除单位', (ctx, req) => {
    deleteUnit(ctx.ledger, req.id);
    return { deleted: req.id };
  }),
};
