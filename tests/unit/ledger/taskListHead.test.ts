// tasks:view with only the first rows gives the same rows as the whole list, and the full count.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import type { TaskListView } from '../../../shared/channels';
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

async function view(app: ReturnType<typeof demoApp>, payload: { first?: number }): Promise<TaskListView> {
  const result = await dispatch(app, 'tasks:view', payload);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as TaskListView;
}

describe('tasks:view with only the first rows', () => {
  it('gives the same first rows as the whole list, lights and latest progress included, and the full count', async () => {
    const app = demoApp();
    const whole = await view(app, {});
    const head = await view(app, { first: 20 });
    expect(head.rows).toEqual(whole.rows.slice(0, 20));
    expect(head.total).toBe(whole.rows.length);
    expect(whole.total).toBe(whole.rows.length);
    // The demo ledger's round has reports: some of the first rows carry them.
    expect(head.rows.some((r) => r.latest !== null)).toBe(true);
  });

  it('asking for more rows than there are gives the whole list', async () => {
    const app = demoApp();
    expect((await view(app, { first: 5000 })).rows).toEqual((await view(app, {})).rows);
  });

  it('refuses a count that is not a positive whole number, in Chinese', async () => {
    const bad = await dispatch(demoApp(), 'tasks:view', { first: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
