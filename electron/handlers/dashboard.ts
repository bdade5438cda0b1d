// The home page's channel: the dashboard view of the ledger as of today.
import { readSettings } from '../db/repositories/settings';
import { readLedgerSnapshot } from '../db/repositories/snapshot';
import { buildDashboardView } from '../services/dashboardView';
import type { FeatureHandlers } from './types';

export const dashboardHandlers: FeatureHandlers<'dashboard:view'> = {
  'dashboard:view': (ctx) =>
    buildDashboardView(readLedgerSnapshot(ctx.ledger), ctx.today(), readSettings(ctx.ledger).dueSoonDays),
};
