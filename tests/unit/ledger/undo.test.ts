// Undo and redo through the ledger: one step per action, kept across reopening; re-levelling tasks.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../electron/db/audit';
import { openLedger } from '../../../electron/db/connection';
import { listTasks, updateTask } from '../../../electron/db/repositories/tasks';
import { updateUnit } from '../../../electron/db/repositories/units';
import { runUndoable, undoLast, undoState } from '../../../electron/db/undo';
import { freshLedger } from './helpers';

const firstItem = (ctx: Parameters<typeof listTasks>[0]) => listTasks(ctx).find((t) => t.level === 'item')!;

// Undoing each undoable channel exactly (every table as it was) is undoRoundTrip.test.ts; these test the chain.
describe('undo and redo through the ledger', () => {
  it('treats several edits of one action as one step, and a new action ends the redo chain', () => {
    const { ctx } = freshLedger({ demo: true });
    const items = listTasks(ctx)
      .filter((t) => t.level === 'item')
      .slice(0, 3);
    runUndoable(ctx, '批量设置状态', (c) => items.forEach((t) => updateTask(c, t.id, { status: '已完成' })));
    runUndoable(ctx, '修改单位', (c) => updateUnit(c, 2, { contactPerson: '赵会计' }));
    expect(undoLast(ctx)).toBe('修改 责任单位 县财政局 的联系人');
    runUndoable(ctx, '修改任务', (c) => updateTask(c, items[0]!.id, { notes: '备注' }));
    expect(undoState(ctx).redo).toBeNull();
    undoLast(ctx);
    expect(undoLast(ctx)).toBe('批量设置状态');
    expect(
      listTasks(ctx)
        .filter((t) => items.some((i) => i.id === t.id))
        .map((t) => t.status),
    ).toEqual(items.map((t) => t.status));
  });

  it('keeps the undo history across closing and reopening the ledger', () => {
    const { ctx, file } = freshLedger({ demo: true });
    const item = firstItem(ctx);
    runUndoable(ctx, '修改任务', (c) => updateTask(c, item.id, { notes: '会前补充' }));
    ctx.db.close();
    const reopened = createContext(openLedger(file));
    expect(undoLast(reopened)).toBe('修改 第1项 的备注');
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

describe('re-levelling tasks', () => {
  it('a raised work item becomes a task right after its old one; a task with work items is not lowered', async () => {
    const { changeTaskLevel } = await import('../../../electron/db/repositories/tasks');
    const { ctx } = freshLedger({ demo: true });
    const [first] = listTasks(ctx).filter((t) => t.level === 'task');
    const item = listTasks(ctx).find((t) => t.parentId === first!.id)!;
    runUndoable(ctx, '升为重点任务', (c) => changeTaskLevel(c, item.id, 'out'));
    const raised = listTasks(ctx).find((t) => t.id === item.id)!;
    expect(raised).toMatchObject({ level: 'task', title: item.content, content: '', parentId: first!.parentId });
    const order = listTasks(ctx)
      .filter((t) => t.parentId === first!.parentId)
      .map((t) => t.id);
    expect(order.indexOf(item.id)).toBe(order.indexOf(first!.id) + 1);
    expect(() => changeTaskLevel(ctx, first!.id, 'in')).toThrow('下还有工作内容');
  });
});
