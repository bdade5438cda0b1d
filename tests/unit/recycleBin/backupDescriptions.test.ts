// 从备份恢复 lists each backup with the last change in it: a change made in the 回收站 must read as what the
// clerk did there (emptied it, deleted one item for good, put one back), not as a bare "删除数据".
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/channels/backups';
import { binApp, call } from './helpers';

async function lastChangeAfter(app: ReturnType<typeof binApp>): Promise<string | undefined> {
  const backup: BackupInfo = await call(app, 'backups:create', {});
  return backup.lastChange?.what;
}

describe('the last change of a backup, in the 回收站', () => {
  it('moving an item in, deleting it for good, emptying the bin and putting an item back each read as such', async () => {
    const app = binApp();
    await call(app, 'tasks:delete', { id: 2 });
    expect(await lastChangeAfter(app)).toBe('删除：重点任务“1.建设高水平县域医共体”（移入回收站）');

    const [task] = await call(app, 'recycleBin:list', {});
    await call(app, 'recycleBin:purge', { id: task!.id });
    expect(await lastChangeAfter(app)).toBe('从回收站永久删除：重点任务“1.建设高水平县域医共体”');

    await call(app, 'groups:delete', { id: 1 });
    const [group] = await call(app, 'recycleBin:list', {});
    await call(app, 'recycleBin:restore', { id: group!.id });
    expect(await lastChangeAfter(app)).toBe(`还原：领导小组“${group!.label}”`);

    await call(app, 'groups:delete', { id: 1 });
    await call(app, 'documents:delete', { id: (await call(app, 'documents:list', {}))[0]!.id });
    expect(await call(app, 'recycleBin:empty', {})).toEqual({ purged: 2 });
    const emptied = await lastChangeAfter(app);
    expect(emptied).toBe('清空回收站（永久删除 2 项）');
    expect(emptied).not.toContain('数据');
  });
});
