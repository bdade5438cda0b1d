// 领导小组 in the ledger: personnel changes keep history, bad changes refused whole, members corrected and reordered.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/db/audit';
import {
  addDuty,
  addMember,
  changePerson,
  createGroup,
  deleteDuty,
  listDuties,
  listGroups,
  listMembers,
  removeMember,
  reorderMembers,
  updateDuty,
  updateGroup,
  updateMember,
} from '../../../electron/db/repositories/groups';
import { createUnit } from '../../../electron/db/repositories/units';
import { auditCount, freshLedger } from '../ledger/helpers';

function smallGroup() {
  const { ctx } = freshLedger();
  const health = createUnit(ctx, { name: '县卫生健康局' });
  const finance = createUnit(ctx, { name: '县财政局' });
  const group = createGroup(ctx, {
    name: '深化医改领导小组',
    officeUnitId: health.id,
    officeDirector: '王越晟',
    establishedOn: '2022-03-01',
  });
  const leader = addMember(ctx, group.id, {
    role: '组长',
    personName: '王奇洲',
    post: '副县长',
    validFrom: '2022-03-01',
  });
  const deputy = addMember(ctx, group.id, {
    role: '副组长',
    personName: '王越晟',
    post: '县卫生健康局局长',
    unitId: health.id,
    validFrom: '2022-03-01',
  });
  const member = addMember(ctx, group.id, {
    role: '成员',
    post: '主要负责人',
    unitId: finance.id,
    validFrom: '2022-03-01',
  });
  return { ctx, group, health, finance, leader, deputy, member };
}

describe('leadership group repository', () => {
  it('a personnel change ends the old membership and starts the new one in the same place, keeping history', () => {
    const { ctx, group, deputy } = smallGroup();
    const { ended, started } = changePerson(ctx, deputy.id, {
      personName: '李明',
      post: '县卫生健康局局长',
      on: '2026-09-01',
    });
    expect(ended).toMatchObject({
      id: deputy.id,
      personName: '王越晟',
      validFrom: '2022-03-01',
      validTo: '2026-09-01',
    });
    expect(started).toMatchObject({
      role: '副组长',
      personName: '李明',
      unitId: deputy.unitId,
      sortOrder: deputy.sortOrder,
      validFrom: '2026-09-01',
      validTo: null,
    });
    const all = listMembers(ctx, group.id);
    expect(all).toHaveLength(4);
    expect(all.filter((m) => m.validTo === null).map((m) => m.personName || m.post)).toEqual([
      '王奇洲',
      '李明',
      '主要负责人',
    ]);
    const audit = listAudit(ctx.db, { entity: 'group_member' }).slice(0, 2);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('refuses a change on an ended membership, to the same person, or dated before the term began; nothing is half-saved', () => {
    const { ctx, group, leader } = smallGroup();
    const before = auditCount(ctx);
    expect(() => changePerson(ctx, leader.id, { personName: '王奇洲', on: '2026-01-01' })).toThrow(
      '接任人员与现任“王奇洲”相同',
    );
    expect(() => changePerson(ctx, leader.id, { personName: '张三', on: '2021-12-31' })).toThrow(
      '应晚于现任人员的任职日期 2022-03-01',
    );
    expect(auditCount(ctx)).toBe(before);
    changePerson(ctx, leader.id, { personName: '张三', on: '2026-01-01' });
    expect(() => changePerson(ctx, leader.id, { personName: '李四', on: '2026-02-01' })).toThrow(
      '已于 2026-01-01 结束',
    );
    expect(() => updateMember(ctx, leader.id, { post: '县长' })).toThrow('历史记录，不能修改');
    expect(listMembers(ctx, group.id)).toHaveLength(4);
  });

  it('corrects a current member in place, checks the role, and audits before and after', () => {
    const { ctx, member, health } = smallGroup();
    const updated = updateMember(ctx, member.id, { unitId: health.id, role: '联络员' });
    expect(updated).toMatchObject({ unitId: health.id, role: '联络员' });
    expect(listAudit(ctx.db, { entity: 'group_member', entityId: member.id })[0]).toMatchObject({
      action: 'update',
      before: { role: '成员' },
      after: { role: '联络员' },
    });
    expect(() => updateMember(ctx, member.id, { role: '秘书长' })).toThrow('不在可选范围内');
    expect(() => updateMember(ctx, member.id, { unitId: 9999 })).toThrow('所选单位已不存在');
    expect(() => updateMember(ctx, member.id, { personName: '', unitId: null })).toThrow('至少要填写姓名或所在单位');
  });

  it('reorders the current roster as given, and refuses a stale list without changing anything', () => {
    const { ctx, group, leader, deputy, member } = smallGroup();
    reorderMembers(ctx, group.id, [member.id, leader.id, deputy.id]);
    expect(listMembers(ctx, group.id).map((m) => m.id)).toEqual([member.id, leader.id, deputy.id]);
    expect(() => reorderMembers(ctx, group.id, [member.id, leader.id])).toThrow('成员名单已有变化');
    expect(listMembers(ctx, group.id).map((m) => m.id)).toEqual([member.id, leader.id, deputy.id]);
    // After a change the successor takes the old place; the ended row is not part of the roster to order.
    const { started } = changePerson(ctx, leader.id, { personName: '张三', on: '2026-01-01' });
    reorderMembers(ctx, group.id, [started.id, deputy.id, member.id]);
    expect(
      listMembers(ctx, group.id)
        .filter((m) => m.validTo === null)
        .map((m) => m.id),
    ).toEqual([started.id, deputy.id, member.id]);
  });

  it('removes a member entered by mistake, audited', () => {
    const { ctx, group, member } = smallGroup();
    removeMember(ctx, member.id);
    expect(listMembers(ctx, group.id)).toHaveLength(2);
    expect(listAudit(ctx.db, { entity: 'group_member', entityId: member.id })[0]).toMatchObject({
      action: 'delete',
      before: { post: '主要负责人' },
    });
  });

  it('edits the group itself and its member-unit duties', () => {
    const { ctx, group, health, finance } = smallGroup();
    expect(updateGroup(ctx, group.id, { establishedOn: '2023-01-15', officeDirector: ' 李明 ' })).toMatchObject({
      establishedOn: '2023-01-15',
      officeDirector: '李明',
    });
    expect(() => updateGroup(ctx, group.id, { name: '  ' })).toThrow('名称不能为空');
    expect(listGroups(ctx)[0]?.name).toBe('深化医改领导小组');

    const duty = addDuty(ctx, group.id, { unitId: health.id, unitName: '', duty: '负责日常工作。' });
    expect(duty).toMatchObject({ unitName: '县卫生健康局', duty: '负责日常工作。' });
    expect(() => addDuty(ctx, group.id, { unitId: finance.id, unitName: '', duty: ' ' })).toThrow('职责内容不能为空');
    expect(updateDuty(ctx, duty.id, { unitId: finance.id, duty: '负责资金保障。' })).toMatchObject({
      unitId: finance.id,
      unitName: '县财政局',
    });
    deleteDuty(ctx, duty.id);
    expect(listDuties(ctx, group.id)).toEqual([]);
    expect(listAudit(ctx.db, { entity: 'group_duty', entityId: duty.id }).map((a) => a.action)).toEqual([
      'delete',
      'update',
      'create',
    ]);
  });
});
