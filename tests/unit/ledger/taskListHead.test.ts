import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { scriptedShell } from '../../harness/scriptedShell';
import { freshLedger } from './helpers';

function demoApp() {
  const { ctx, file } = freshLedger({ demo: true });
  return {
    shell: scriptedShell(path.join(path.dirname(file), 'out')),
    ledger: ctx,
    ledgerFile: file,
    runtime: 'browser-harness' as const,
    version: 'test',
    today: () => '2026-11-23',
    log: () => undefined,
  };
}

describe('tasks:view with only the first rows', () => {
  it('gives the same first rows as the whole list, lights and latest progress included, and the full count', async () => {
    const app = demoApp();
    const whole = await dispatch(app, 'tasks:view', {});
    const head = await dispatch(app, 'tasks:view', { first: 20 });
    if (!whole.ok || !head.ok) throw new Error('tasks:view failed');
    expect(head.data.rows).toEqual(whole.data.rows.slice(0, 20));
    expect(head.data.total).toBe(whole.data.rows.length);
    expect(whole.data.total).toBe(whole.data.rows.length);
    // The demo ledger's round has reports: some of the first rows carry them.
    expect(head.data.rows.some((r) => r.latest !== null)).toBe(true);
  });

  it('asking for more rows than there are gives the whole list', async () => {
    const app = demoApp();
    const whole = await dispatch(app, 'tasks:view', {});
    const head = await dispatch(app, 'tasks:view', { first: 5000 });
    if (!whole.ok || !head.ok) throw new Error('tasks:view failed');
    expect(head.data.rows).toEqual(whole.data.rows);
  });

  it('refuses a count that is not a positive whole number, in Chinese', async () => {
    const bad = await dispatch(demoApp(), 'tasks:view', { first: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
