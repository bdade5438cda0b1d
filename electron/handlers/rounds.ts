// 调度轮次: creating, editing, closing and deleting a round and a report typed in are each one undoable change set on
// the 调度轮次 page (a delete goes through the recycle bin, which undo knows how to reverse).
import {
  closeRound,
  createRound,
  defaultRoundUnitIds,
  deleteRound,
  getRound,
  listRounds,
  listUnitReports,
  listUnitTasks,
  updateRound,
  recordManualReport,
  unitReportStatuses,
} from '../db/repositories/progress';
import { getUnit, listUnits } from '../db/repositories/units';
import type { FeatureHandlers } from './types';
import { undoable } from './undoable';

type RoundChannel =
  | 'rounds:list'
  | 'rounds:unitChoices'
  | 'rounds:create'
  | 'rounds:view'
  | 'rounds:update'
  | 'rounds:close'
  | 'rounds:delete'
  | 'rounds:unitReports'
  | 'rounds:unitTasks'
  | 'rounds:saveReport';

export const roundHandlers: FeatureHandlers<RoundChannel> = {
  'rounds:list': (ctx) =>
    listRounds(ctx.ledger).map((round) => {
      const units = unitReportStatuses(ctx.ledger, round.id, ctx.today()).filter((u) => u.expected);
      return {
        ...round,
        expectedCount: units.length,
        reportedCount: units.filter((u) => u.state === 'reported').length,
      };
    }),
  'rounds:unitChoices': (ctx) => {
    const suggested = new Set(defaultRoundUnitIds(ctx.ledger));
    return listUnits(ctx.ledger)
      .filter((u) => u.active)
      .map((u) => ({ unitId: u.id, name: u.name, suggested: suggested.has(u.id) }));
  },
  'rounds:create': undoable<'rounds:create'>(
    (req) => `新建调度轮次 ${req.name.trim()}`,
    (ctx, req) => createRound(ctx.ledger, req),
  ),
  'rounds:view': (ctx, req) => ({
    round: getRound(ctx.ledger, req.id),
    today: ctx.today(),
    units: unitReportStatuses(ctx.ledger, req.id, ctx.today()),
  }),
  'rounds:update': undoable<'rounds:update'>('修改调度轮次', (ctx, req) => updateRound(ctx.ledger, req.id, req.patch)),
  'rounds:close': undoable<'rounds:close'>(
    (req, ctx) => `关闭调度轮次 ${getRound(ctx.ledger, req.id).name}`,
    (ctx, req) => closeRound(ctx.ledger, req.id),
  ),
  'rounds:delete': undoable<'rounds:delete'>('删除调度轮次', (ctx, req) => {
    deleteRound(ctx.ledger, req.id);
    return { deleted: req.id };
  }),
  'rounds:unitReports': (ctx, req) => listUnitReports(ctx.ledger, req.roundId, req.unitId),
  'rounds:unitTasks': (ctx, req) => listUnitTasks(ctx.ledger, req.unitId),
  'rounds:saveReport': undoable<'rounds:saveReport'>(
    (req, ctx) => `录入 ${getUnit(ctx.ledger, req.unitId).name} 的推进情况`,
    (ctx, req) => recordManualReport(ctx.ledger, { ...req, reportedOn: ctx.today() }),
  ),
};
