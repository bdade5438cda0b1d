// tasks:viewPacked unpacks to exactly what tasks:view gives, whole and first rows, through JSON as the bridge sends it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import type { TaskListView } from '../../../shared/channels';
import { unpackTaskListView, type PackedTaskListView } from '../../../shared/packTaskList';
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

async function answer<T>(app: ReturnType<typeof demoApp>, channel: 'tasks:view' | 'tasks:viewPacked', payload: object) {
  const result = await dispatch(app, channel, payload);
  if (!result.ok) throw new Error(result.error.message);
  // Through JSON, as both the harness and Electron's structured clone leave it.
  return JSON.parse(JSON.stringify(result.data)) as T;
}

describe('the packed task list', () => {
  it('unpacks to the same view as tasks:view, with latest progress and lights', async () => {
    const app = demoApp();
    const plain = await answer<TaskListView>(app, 'tasks:view', {});
    const packed = await answer<PackedTaskListView>(app, 'tasks:viewPacked', {});
    expect(plain.rows.some((r) => r.latest)).toBe(true);
    expect(plain.rows.some((r) => r.task.targets.length > 0 || r.task.deadline.recurrence)).toBe(true);
    expect(unpackTaskListView(packed)).toEqual(plain);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(plain).length * 0.7);
  });

  it('gives the first rows and the whole count the same way', async () => {
    const app = demoApp();
    const plain = await answer<TaskListView>(app, 'tasks:view', { first: 5 });
    const packed = await answer<PackedTaskListView>(app, 'tasks:viewPacked', { first: 5 });
    expect(unpackTaskListView(packed)).toEqual(plain);
    expect(packed.total).toBeGreaterThan(5);
  });
});
