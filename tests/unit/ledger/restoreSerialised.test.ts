// A restore replaces the ledger file under the open connection: a call already running (an export whose
// save dialog is open) finishes on the ledger the clerk started it on, the restore waits for it, and a
// call made after the restore was asked for runs on the restored ledger. Nothing runs half on each.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskNode } from '../../../shared/domain';
import type { BackupInfo, RestoreOutcome } from '../../../shared/channels/backups';
import { dispatch } from '../../../electron/handlers/dispatch';
import { openAppLedger } from '../../../electron/openAppLedger';
import { scriptedShell } from '../../harness/scriptedShell';
import { tempDir } from './helpers';

async function ok<T>(promise: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error?.message);
  return result.data as T;
}

/** A save dialog the test closes when it chooses: the clerk taking her time over the file name. */
function slowSaveDialog(outDir: string) {
  const shell = scriptedShell(outDir);
  let close!: () => void;
  const closed = new Promise<void>((resolve) => (close = resolve));
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  return {
    shell: {
      ...shell,
      saveFile: async (options: Parameters<typeof shell.saveFile>[0]) => {
        opened();
        await closed;
        return shell.saveFile(options);
      },
    },
    isOpen,
    close: () => close(),
  };
}

const EXPORT = {
  title: '重点任务清单',
  attachmentLabel: '附件1',
  madeBy: '县卫健局办公室',
  columns: ['序号', '重点任务', '工作内容'],
  filter: {},
};
const items = (tasks: TaskNode[]) => tasks.filter((t) => t.level === 'item').length;

describe('calls overlapping a restore', () => {
  it('an export begun before the restore finishes on the old ledger; a call made after it sees the restored one', async () => {
    const dialog = slowSaveDialog(path.join(tempDir(), 'out'));
    const ctx = openAppLedger({
      ledgerFile: path.join(tempDir(), 'duban.sqlite'),
      runtime: 'browser-harness',
      version: 'test',
      demoIfEmpty: true,
      today: () => '2026-11-23',
      shell: dialog.shell,
    });
    const backup = await ok<BackupInfo>(dispatch(ctx, 'backups:create', {}));
    // After the backup the clerk deletes one 工作内容: the ledger now holds one fewer than the backup.
    const before = await ok<TaskNode[]>(dispatch(ctx, 'tasks:list', {}));
    const item = before.find((t) => t.level === 'item')!;
    await ok(dispatch(ctx, 'tasks:delete', { id: item.id }));
    const current = items(await ok<TaskNode[]>(dispatch(ctx, 'tasks:list', {})));
    expect(current).toBe(items(before) - 1);

    const finished: string[] = [];
    const exporting = ok<{ files: string[]; items: number }>(dispatch(ctx, 'export:tasks', EXPORT)).then(
      (r) => (finished.push('export'), r),
    );
    await dialog.isOpen;
    const restoring = ok<RestoreOutcome>(dispatch(ctx, 'backups:restore', { name: backup.name })).then(
      (r) => (finished.push('restore'), r),
    );
    const listing = ok<TaskNode[]>(dispatch(ctx, 'tasks:list', {})).then((r) => (finished.push('list'), r));
    // While the save dialog is open nothing has been replaced under the export.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(finished).toEqual([]);
    expect(ctx.ledger.db.open).toBe(true);
    expect(
      fs.readdirSync(path.join(path.dirname(ctx.ledgerFile), 'backups')).some((n) => n.endsWith('-restore.sqlite')),
    ).toBe(false);

    dialog.close();
    const [exported, restored, listed] = await Promise.all([exporting, restoring, listing]);
    expect(finished).toEqual(['export', 'restore', 'list']);
    // The export is of the ledger the clerk was looking at when she asked for it…
    expect(exported.files).toHaveLength(1);
    expect(exported.items).toBe(current);
    // …the restore then saved that ledger (with the delete) before putting the backup back…
    expect(restored.savedAs).toMatch(/-restore\.sqlite$/);
    // …and the call made after the restore was asked for ran on the restored ledger.
    expect(items(listed)).toBe(items(before));
    ctx.ledger.db.close();
  });
});
