// 调度轮次 writes are audited but not undoable by Ctrl+Z (see groups.ts); a typed report can be typed again.
// Deleting a round is the exception: it goes to the recycle bin, which undo knows how to reverse.
import {
  closeRound,
  createRound,
  defaultRoundUnitIds,
  deleteRound,
  getRound,
  listRounds,
  listUnitReports,
  listUnitTasks,
  recordManualReport,
  unitReportStatuses,
} from '../db/repositories/progress';
import { listUnits } from '../db/repositories/units';
import type { FeatureHandlers } from './types';
import { undoable } from './undoable';

type RoundChannel =
  | 'rounds:list'
  | 'rounds:unitChoices'
  | 'rounds:create'
  | 'rounds:view'
  | 'rounds:close'
  | 'rounds:delete'
  | 'rounds:unitReports'
  | 'rounds:unitTasks'
  | 'rounds:saveReport';

export const roundHandlers: FeatureHandlers<RoundChannel> = {
  'rounds:list': (ctx) =>
    listRounds(ctx.ledger).map((round) => {
      const units = unitReportStatuses(ctx.ledger, round.id, ctx.today()).filter((u) => u.expected);
      return { ...round, expectedCount: units.length, reportedCount: units.filter((u) => u.state === 'reported').length };
    }),
  'rounds:unitChoices': (ctx) => {
    const suggested = new Set(defaultRoundUnitIds(ctx.ledger));
    return listUnits(ctx.ledger)
      .filter((u) => u.active)
      .map((u) => ({ unitId: u.id, name: u.name, suggested: suggested.has(u.id) }));
  },
  'rounds:create': (ctx, req) => createRound(ctx.ledger, req),
  'rounds:view': (ctx, req) => ({ round: getRound(ctx.ledger, req.id), today: ctx.today(), units: unitReportStatuses(ctx.ledger, req.id, ctx.today()) }),
  'rounds:close': (ctx, req) => closeRound(ctx.ledger, req.id),
  'rounds:delete': undoable<'rounds:delete'>('删除调度轮次', (ctx, req) => {
    deleteRound(ctx.ledger, req.id);
    return { deleted: req.id };
  }),
  'rounds:unitReports': (ctx, req) => listUnitReports(ctx.ledger, req.roundId, req.unitId),
  'rounds:unitTasks': (ctx, req) => listUnitTasks(ctx.ledger, req.unitId),
  'rounds:saveReport': (ctx, req) => recordManualReport(ctx.ledger, { ...req, reportedOn: ctx.today() }),
};
