// 责任单位 in the ledger: names kept unique, edits and refusals audited, a unit in use not deleted.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/db/audit';
import { createTask } from '../../../electron/db/repositories/tasks';
import { createUnit, deleteUnit, listUnits, updateUnit } from '../../../electron/db/repositories/units';
import { auditCount, freshLedger } from './helpers';

describe('units repository', () => {
  it('creates a unit and writes its audit row in the same transaction', () => {
    const { ctx } = freshLedger();
    const unit = createUnit(ctx, {
      name: ' 县医疗保障局 ',
      shortName: '县医保局',
      kind: 'county_department',
      aliases: ['医保局', '医保局', ''],
    });
    expect(unit).toMatchObject({ name: '县医疗保障局', shortName: '县医保局', aliases: ['医保局'], active: true });
    const [entry] = listAudit(ctx.db, { entity: 'unit', entityId: unit.id });
    expect(entry).toMatchObject({ action: 'create', actor: '测试', after: { name: '县医疗保障局' } });
  });

  it('refuses an empty name or a name already used as a name, short name or alias, and writes nothing', () => {
    const { ctx } = freshLedger();
    createUnit(ctx, { name: '县医疗保障局', shortName: '县医保局' });
    const before = auditCount(ctx);
    expect(() => createUnit(ctx, { name: '   ' })).toThrow('单位名称不能为空');
    expect(() => createUnit(ctx, { name: '县医疗保障局' })).toThrow('单位名称“县医疗保障局”已存在');
    expect(() => createUnit(ctx, { name: '县医保局' })).toThrow('已被单位“县医疗保障局”用作简称或别名');
    expect(listUnits(ctx)).toHaveLength(1);
    expect(auditCount(ctx)).toBe(before);
  });

  it('records before and after of an edit; a refused edit changes nothing', () => {
    const { ctx } = freshLedger();
    const a = createUnit(ctx, { name: '县财政局' });
    createUnit(ctx, { name: '县公安局' });
    updateUnit(ctx, a.id, { contactPerson: '赵会计', phone: '0575-86020001' });
    const [entry] = listAudit(ctx.db, { entity: 'unit', entityId: a.id });
    expect(entry).toMatchObject({
      action: 'update',
      before: { contactPerson: '' },
      after: { contactPerson: '赵会计' },
    });
    expect(() => updateUnit(ctx, a.id, { name: '县公安局' })).toThrow('已存在');
    expect(listUnits(ctx).find((u) => u.id === a.id)?.name).toBe('县财政局');
  });

  it('refuses to delete a unit that tasks still name, listing them; deletes a free one', () => {
    const { ctx } = freshLedger();
    const finance = createUnit(ctx, { name: '县财政局' });
    const spare = createUnit(ctx, { name: '县统计局' });
    const section = createTask(ctx, { level: 'section', number: '一、', title: '保障机制' });
    const task = createTask(ctx, { level: 'task', parentId: section.id, number: '1.', title: '完善财政补偿' });
    createTask(ctx, {
      level: 'item',
      parentId: task.id,
      content: '落实基层医疗卫生机构财政补助政策',
      leadUnitIds: [finance.id],
    });
    expect(() => deleteUnit(ctx, finance.id)).toThrow(
      /“县财政局”仍是 “落实基层医疗卫生机构财政补助政策”共 1 项任务的责任单位，不能删除/,
    );
    deleteUnit(ctx, spare.id);
    expect(listUnits(ctx).map((u) => u.name)).toEqual(['县财政局']);
    expect(listAudit(ctx.db, { entity: 'unit', entityId: spare.id })[0]).toMatchObject({
      action: 'delete',
      before: { name: '县统计局' },
    });
  });
});
