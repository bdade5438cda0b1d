// The ledger's own settings (how many days before a deadline a task counts as due soon).
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { upsertRows } from '../write';

export interface LedgerSettings {
  /** 临期: a task due within this many days shows yellow. */
  dueSoonDays: number;
}

export const DEFAULT_SETTINGS: LedgerSettings = { dueSoonDays: 15 };

export function readSettings(ctx: LedgerContext): LedgerSettings {
  const rows = ctx.db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  return { ...DEFAULT_SETTINGS, ...stored };
}

export function updateSettings(ctx: LedgerContext, patch: Partial<LedgerSettings>): LedgerSettings {
  return ctx.db.transaction(() => {
    const before = readSettings(ctx);
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
    const after = { ...before, ...Object.fromEntries(entries) };
    // One audit row for the whole change, holding every setting before and after.
    upsertRows(
      ctx,
      ENTITIES.setting,
      entries.map(([key, value]) => ({ key, value })),
      { before, after },
    );
    return after;
  })();
}
