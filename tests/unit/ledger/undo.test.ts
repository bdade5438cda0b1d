import { describe, expect, it } from 'vitest';
import { createContext } from '../../../electron/db/audit';
import { openLedger } from '../../../electron/db/connection';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { deleteTask, listTasks, updateTask } from '../../../electron/db/repositories/tasks';
import { updateUnit } from '../../../electron/db/repositories/units';
import { redoNext, runUndoable, undoLast, undoState } from '../../../electron/db/undo';
import { freshLedger } from './helpers';

const firstItem = (ctx: Parameters<typeof listTasks>[0]) => listTasks(ctx).find((t) => t.level === 'item')!;

describe('undo and redo through the ledger', () => {
  it('undoes an edit in the database and redoes it', () => {
    const { ctx } = freshLedger({ demo: true });
    const before = readLedgerSnapshot(ctx);
    const item = firstItem(ctx);
    runUndoable(ctx, '修改任务', (c) => updateTask(c, item.id, { content: '改过的内容', coUnitIds: [] }));
    expect(undoState(ctx)).toEqual({ undo: '修改任务', redo: null });
    expect(undoLast(ctx)).toBe('修改任务');
    expect(readLedgerSnapshot(ctx).tasks).toEqual(before.tasks);
    expect(undoState(ctx)).toEqual({ undo: null, redo: '修改任务' });
    expect(redoNext(ctx)).toBe('修改任务');
    expect(firstItem(ctx)).toMatchObject({ content: '改过的内容', coUnitIds: [] });
  });

  it('brings back a deleted task with its work items and units', () => {
    const { ctx } = freshLedger({ demo: true });
    const before = readLedgerSnapshot(ctx);
    const section = listTasks(ctx).find((t) => t.level === 'section')!;
    const removed = runUndoable(ctx, '删除任务', (c) => deleteTask(c, section.id));
    expect(removed).toBeGreaterThan(10);
    expect(listTasks(ctx)).toHaveLength(before.tasks.length - removed);
    undoLast(ctx);
    expect(readLedgerSnapshot(ctx).tasks).toEqual(before.tasks);
  });

  it('treats several edits of one action as one step, and a new action ends the redo chain', () => {
    const { ctx } = freshLedger({ demo: true });
    const items = listTasks(ctx).filter((t) => t.level === 'item').slice(0, 3);
    runUndoable(ctx, '批量设置状态', (c) => items.forEach((t) => updateTask(c, t.id, { status: '已完成' })));
    runUndoable(ctx, '修改单位', (c) => updateUnit(c, 2, { contactPerson: '赵会计' }));
    expect(undoLast(ctx)).toBe('修改单位');
    runUndoable(ctx, '修改任务', (c) => updateTask(c, items[0].id, { notes: '备注' }));
    expect(undoState(ctx).redo).toBeNull();
    undoLast(ctx);
    expect(undoLast(ctx)).toBe('批量设置状态');
    expect(listTasks(ctx).filter((t) => items.some((i) => i.id === t.id)).map((t) => t.status)).toEqual(items.map((t) => t.status));
  });

  it('keeps the undo history across closing and reopening the ledger', () => {
    const { ctx, file } = freshLedger({ demo: true });
    const item = firstItem(ctx);
    runUndoable(ctx, '修改任务', (c) => updateTask(c, item.id, { notes: '会前补充' }));
    ctx.db.close();
    const reopened = createContext(openLedger(file));
    expect(undoLast(reopened)).toBe('修改任务');
    expect(firstItem(reopened).notes).toBe('');
  });

  it('an action that changes nothing leaves nothing to undo, and an action that fails leaves no trace', () => {
    const { ctx } = freshLedger({ demo: true });
    runUndoable(ctx, '什么也没做', () => undefined);
    expect(undoState(ctx).undo).toBeNull();
    const item = firstItem(ctx);
    expect(() =>
      runUndoable(ctx, '修改任务', (c) => {
        updateTask(c, item.id, { notes: '半途' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(firstItem(ctx).notes).toBe('');
    expect(undoState(ctx).undo).toBeNull();
  });
});

describe('moving and re-levelling tasks', () => {
  it('moves a work item to another task and back with undo, keeping every order', async () => {
    const { moveTask, changeTaskLevel } = await import('../../../electron/db/repositories/tasks');
    const { ctx } = freshLedger({ demo: true });
    const before = readLedgerSnapshot(ctx);
    const tasks = listTasks(ctx).filter((t) => t.level === 'task');
    const item = listTasks(ctx).find((t) => t.parentId === tasks[0].id)!;
    runUndoable(ctx, '移动任务', (c) => moveTask(c, item.id, tasks[1].id, 0));
    const moved = listTasks(ctx);
    expect(moved.filter((t) => t.parentId === tasks[1].id)[0].id).toBe(item.id);
    undoLast(ctx);
    expect(readLedgerSnapshot(ctx).tasks).toEqual(before.tasks);

    runUndoable(ctx, '升为重点任务', (c) => changeTaskLevel(c, item.id, 'out'));
    const raised = listTasks(ctx).find((t) => t.id === item.id)!;
    expect(raised).toMatchObject({ level: 'task', title: item.content, content: '', parentId: tasks[0].parentId });
    const order = listTasks(ctx).filter((t) => t.parentId === tasks[0].parentId).map((t) => t.id);
    expect(order.indexOf(item.id)).toBe(order.indexOf(tasks[0].id) + 1);
    expect(() => changeTaskLevel(ctx, tasks[0].id, 'in')).toThrow('下还有工作内容');
    undoLast(ctx);
    expect(readLedgerSnapshot(ctx).tasks).toEqual(before.tasks);
  });
});
