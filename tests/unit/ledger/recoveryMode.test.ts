// Finding 4: a ledger that cannot be used at start puts the app in recovery mode, which offers the newest
// backup that passes its check, restores it (the bad file kept aside) and re-opens the ledger in place.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryState, RestoreOutcome } from '../../../shared/channels/backups';
import { dispatch } from '../../../electron/handlers/dispatch';
import { openAppLedger } from '../../../electron/openAppLedger';
import { injectLedgerFault, UNIT_ONLY_IN_BACKUP, type LedgerFault } from '../../harness/ledgerFaults';
import { scriptedShell } from '../../harness/scriptedShell';
import { tempDir } from './helpers';

function startOn(fault: LedgerFault) {
  const dir = tempDir();
  injectLedgerFault(dir, fault);
  const ctx = openAppLedger({
    ledgerFile: path.join(dir, 'duban.sqlite'),
    runtime: 'browser-harness',
    version: 'test',
    demoIfEmpty: true,
    shell: scriptedShell(path.join(dir, 'out')),
  });
  ctx.log = () => undefined;
  return { ctx, dir };
}

async function data<T>(promise: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error?.message);
  return result.data as T;
}

describe('recovery mode at start', () => {
  it('a damaged ledger: nothing but recovery runs, the newest good backup is offered and restored, and the app works on it', async () => {
    const { ctx, dir } = startOn('damaged');
    const damagedBytes = fs.readFileSync(ctx.ledgerFile);

    const refused = await dispatch(ctx, 'units:list', {});
    expect(refused).toEqual({
      ok: false,
      error: { code: 'ledger_unavailable', message: expect.stringContaining('从备份恢复') },
    });

    const state = await data<RecoveryState>(dispatch(ctx, 'recovery:state', {}));
    expect(state.problem).toMatchObject({ code: 'ledger_corrupt', message: expect.stringContaining('已损坏') });
    // 11-21 is newer but damaged: reported, never offered.
    expect(state.offer?.name).toBe('duban-2026-11-20.sqlite');
    expect(state.unusable.map((u) => u.name)).toEqual(['duban-2026-11-21.sqlite']);

    const outcome = await data<RestoreOutcome>(dispatch(ctx, 'backups:restore', { name: state.offer!.name }));
    expect(outcome.savedAs).toBeNull();
    expect(ctx.ledgerProblem).toBeNull();
    const units = await data<{ name: string }[]>(dispatch(ctx, 'units:list', {}));
    expect(units.map((u) => u.name)).toContain(UNIT_ONLY_IN_BACKUP);

    // The damaged file is kept, byte for byte, under a new name.
    const kept = fs.readdirSync(dir).filter((f) => /^duban\.sqlite\.damaged-\d{8}-\d{6}$/.test(f));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0]!)).equals(damagedBytes)).toBe(true);
    expect((await data<RecoveryState>(dispatch(ctx, 'recovery:state', {}))).problem).toBeNull();
    ctx.ledger.db.close();
  });

  it('an empty file: the clerk may start an empty ledger instead; the empty file is kept aside', async () => {
    const { ctx, dir } = startOn('empty');
    expect(ctx.ledgerProblem?.code).toBe('ledger_empty_file');
    const { movedAside } = await data<{ movedAside: string[] }>(dispatch(ctx, 'recovery:startEmpty', {}));
    expect(fs.statSync(path.join(dir, movedAside[0]!)).size).toBe(0);
    expect(await data<unknown[]>(dispatch(ctx, 'units:list', {}))).toEqual([]);
    // Once the ledger is open again there is nothing to start over.
    expect(await dispatch(ctx, 'recovery:startEmpty', {})).toMatchObject({ ok: false, error: { code: 'ledger_fine' } });
    ctx.ledger.db.close();
  });
});
