import { writeAudit, type LedgerContext } from '../audit';

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
    const upsert = ctx.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
    const after = readSettings(ctx);
    writeAudit(ctx, { entity: 'setting', entityId: null, action: 'update', before, after });
    return after;
  })();
}
