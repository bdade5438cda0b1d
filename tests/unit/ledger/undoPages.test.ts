// Undo per page: each page's 撤销 takes back its own latest change, names it, and never writes over a row
// that another page changed since.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { runUndoable, undoLast } from '../../../electron/db/undo';
import { updateUnit } from '../../../electron/db/repositories/units';
import { demoApp } from './helpers';

type App = ReturnType<typeof demoApp>;

async function call<T = unknown>(app: App, channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(app, channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

async function failure(app: App, channel: string, payload: unknown): Promise<string> {
  const result = await dispatch(app, channel, payload);
  if (result.ok) throw new Error(`${channel} succeeded`);
  return result.error.message;
}

const one = <T>(app: App, sql: string, ...args: unknown[]) => app.ledger.db.prepare(sql).get(...args) as T;

/** An item whose number reads as a plain 序号 ("3"), as the grid shows it. */
const numberedItem = (app: App) =>
  one<{ id: number; number: string }>(
    app,
    "SELECT id, number FROM task WHERE level = 'item' AND number GLOB '[0-9]*' ORDER BY id LIMIT 1",
  );

describe('undo per page', () => {
  it('Ctrl+Z on 任务清单 undoes the task edit, not a unit added later on 责任单位', async () => {
    const app = demoApp();
    const item = numberedItem(app);
    await call(app, 'tasks:update', { id: item.id, patch: { deadlineText: '2027年6月底前' } });
    await call(app, 'units:create', { name: '县档案馆', kind: 'county_department' });

    expect(await call(app, 'undo:state', { page: 'tasks' })).toMatchObject({
      undo: `修改 第${parseInt(item.number, 10)}项 的完成时限`,
    });
    expect(await call(app, 'undo:state', { page: 'units' })).toMatchObject({ undo: '新增责任单位 县档案馆' });

    const undone = await call<{ label: string }>(app, 'undo:undo', { page: 'tasks' });
    expect(undone.label).toBe(`修改 第${parseInt(item.number, 10)}项 的完成时限`);
    expect(one(app, "SELECT 1 AS n FROM unit WHERE name = '县档案馆'")).toEqual({ n: 1 });
    expect(await call(app, 'undo:state', { page: 'groups' })).toMatchObject({ undo: null, redo: null });

    expect((await call<{ label: string }>(app, 'undo:undo', { page: 'units' })).label).toBe('新增责任单位 县档案馆');
    expect(one(app, "SELECT 1 AS n FROM unit WHERE name = '县档案馆'")).toBeUndefined();
  });

  it('a new action on one page keeps another page’s redo', async () => {
    const app = demoApp();
    await call(app, 'units:create', { name: '县档案馆', kind: 'county_department' });
    await call(app, 'undo:undo', { page: 'units' });
    await call(app, 'groups:create', { name: '县测试工作领导小组' });
    expect(await call(app, 'undo:state', { page: 'units' })).toMatchObject({ redo: '新增责任单位 县档案馆' });
    expect(await call(app, 'undo:state', { page: 'groups' })).toMatchObject({
      undo: '新建领导小组 县测试工作领导小组',
    });
  });

  it('refuses to undo over a row changed since on another page, and says where', () => {
    const app = demoApp();
    runUndoable(app.ledger, '修改单位', (c) => updateUnit(c, 2, { phone: '0575-1111' }), 'units');
    runUndoable(app.ledger, '修改单位', (c) => updateUnit(c, 2, { phone: '0575-2222' }), 'tasks');
    expect(() => undoLast(app.ledger, 'units')).toThrow(/之后又在“任务清单”页被修改过/);
    expect(one(app, 'SELECT phone FROM unit WHERE id = 2')).toEqual({ phone: '0575-2222' });
  });

  it('refuses, in words, to undo adding a unit that a task names since', async () => {
    const app = demoApp();
    const unit = await call<{ id: number }>(app, 'units:create', { name: '县档案馆', kind: 'county_department' });
    await call(app, 'tasks:update', { id: numberedItem(app).id, patch: { leadUnitIds: [unit.id] } });
    expect(await failure(app, 'undo:undo', { page: 'units' })).toMatch(/不能撤销“新增责任单位 县档案馆”.*引用/);
    expect(one(app, "SELECT 1 AS n FROM unit WHERE name = '县档案馆'")).toEqual({ n: 1 });
    expect(app.errors).toEqual([]);
  });

  it('groups and rounds: 人员变动, a new group and a new round are undone on their pages, named', async () => {
    const app = demoApp();
    const member = one<{ id: number; person_name: string; role: string }>(
      app,
      "SELECT id, person_name, role FROM group_member WHERE valid_to IS NULL AND person_name <> '' ORDER BY id LIMIT 1",
    );
    await call(app, 'groups:changePerson', { memberId: member.id, personName: '接任者', on: '2026-11-20' });
    const undone = await call<{ label: string }>(app, 'undo:undo', { page: 'groups' });
    expect(undone.label).toBe(`人员变动：${member.role} ${member.person_name} → 接任者`);
    expect(one(app, 'SELECT valid_to FROM group_member WHERE id = ?', member.id)).toEqual({ valid_to: null });
    expect(one(app, "SELECT 1 AS n FROM group_member WHERE person_name = '接任者'")).toBeUndefined();

    await call(app, 'rounds:create', {
      name: '测试轮次',
      periodStart: null,
      periodEnd: null,
      dueOn: '2026-12-25',
      unitIds: [2],
    });
    expect(await call(app, 'undo:state', { page: 'rounds' })).toMatchObject({ undo: '新建调度轮次 测试轮次' });
    expect(await call(app, 'undo:state', { page: 'groups' })).toMatchObject({ undo: null });
  });

  it('a round edited (its name, its deadline) is undone on 调度轮次, by what changed', async () => {
    const app = demoApp();
    const round = one<{ id: number; name: string; due_on: string }>(
      app,
      'SELECT id, name, due_on FROM progress_round LIMIT 1',
    );
    await call(app, 'rounds:update', { id: round.id, patch: { dueOn: '2026-12-31' } });
    expect((await call<{ label: string }>(app, 'undo:undo', { page: 'rounds' })).label).toBe(
      `修改 调度轮次 ${round.name} 的报送截止日期`,
    );
    expect(one(app, 'SELECT due_on FROM progress_round WHERE id = ?', round.id)).toEqual({ due_on: round.due_on });
    expect(await failure(app, 'rounds:update', { id: round.id, patch: { name: ' ' } })).toContain('名称不能为空');
  });

  it('新建领导小组 refuses an empty or taken name', async () => {
    const app = demoApp();
    const taken = one<{ name: string }>(app, 'SELECT name FROM leadership_group ORDER BY id LIMIT 1').name;
    expect(await failure(app, 'groups:create', { name: '  ' })).toContain('领导小组名称不能为空');
    expect(await failure(app, 'groups:create', { name: taken })).toContain(`已有名为“${taken}”的领导小组`);
  });
});
