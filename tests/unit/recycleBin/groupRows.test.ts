// A single leadership-group member or member unit's duty goes through the 回收站 like the other kinds, and a
// member whose unit and group were both deleted gets its unit back whichever is restored first.
import { describe, expect, it } from 'vitest';
import { binApp, call, count, tables } from './helpers';

const GROUP_TABLES = ['leadership_group', 'group_member', 'group_duty'];

describe('group members and duties through the bin', () => {
  it('a removed member goes to the bin and comes back with its id, role, person and unit', async () => {
    const app = binApp();
    const before = tables(app, GROUP_TABLES);
    const { members } = await call(app, 'groups:view', { id: 1 });
    const member = members.find((m) => m.validTo === null && m.personName)!;
    await call(app, 'groups:removeMember', { id: member.id });
    expect((await call(app, 'groups:view', { id: 1 })).members.some((m) => m.id === member.id)).toBe(false);

    const [entry] = await call(app, 'recycleBin:list', {});
    expect(entry).toMatchObject({ kind: 'member', kindLabel: '领导小组成员' });
    expect(entry!.label).toContain(member.personName);
    await call(app, 'recycleBin:restore', { id: entry!.id });
    expect(tables(app, GROUP_TABLES)).toEqual(before);
    expect(await call(app, 'recycleBin:list', {})).toEqual([]);
  });

  it('a deleted duty goes to the bin and comes back; Ctrl+Z of the delete brings it back too', async () => {
    const app = binApp();
    const before = tables(app, GROUP_TABLES);
    const { duties } = await call(app, 'groups:view', { id: 1 });
    const duty = duties[0]!;
    await call(app, 'groups:deleteDuty', { id: duty.id });
    const [entry] = await call(app, 'recycleBin:list', {});
    expect(entry).toMatchObject({ kind: 'duty', kindLabel: '成员单位职责' });
    expect(entry!.label).toContain(duty.unitName);
    await call(app, 'recycleBin:restore', { id: entry!.id });
    expect(tables(app, GROUP_TABLES)).toEqual(before);

    await call(app, 'groups:deleteDuty', { id: duty.id });
    expect(await call(app, 'undo:undo', {})).toMatchObject({ label: '删除成员单位职责' });
    expect(tables(app, GROUP_TABLES)).toEqual(before);
    expect(await call(app, 'recycleBin:list', {})).toEqual([]);
  });

  it('a member removed from a group that is deleted afterwards is refused a restore until the group is back', async () => {
    const app = binApp();
    const { members } = await call(app, 'groups:view', { id: 1 });
    const member = members.find((m) => m.validTo === null)!;
    await call(app, 'groups:removeMember', { id: member.id });
    await call(app, 'groups:delete', { id: 1 });
    const bin = await call(app, 'recycleBin:list', {});
    const memberEntry = bin.find((e) => e.kind === 'member')!;
    await expect(call(app, 'recycleBin:restore', { id: memberEntry.id })).rejects.toThrow(/领导小组“.+”也在回收站中/);
    await call(app, 'recycleBin:restore', { id: bin.find((e) => e.kind === 'group')!.id });
    await call(app, 'recycleBin:restore', { id: memberEntry.id });
    expect((await call(app, 'groups:view', { id: 1 })).members.find((m) => m.id === member.id)).toEqual(member);
  });
});

describe('a member whose unit and group were both deleted', () => {
  /** A former member (replaced, then the successor removed), so nothing stops the unit being deleted. */
  async function memberOfNewUnit(app: ReturnType<typeof binApp>) {
    const unit = await call(app, 'units:create', { name: '县气象局', kind: 'county_department' });
    const member = await call(app, 'groups:addMember', {
      groupId: 1,
      member: { role: '成员', personName: '赵敏', post: '局长', unitId: unit.id },
    });
    const { started } = await call(app, 'groups:changePerson', {
      memberId: member.id,
      personName: '钱进',
      on: '2026-12-01',
    });
    await call(app, 'groups:removeMember', { id: started.id });
    return { unit, member };
  }

  it('restoring the unit first and then the group gives the member its unit back', async () => {
    const app = binApp();
    const { unit, member } = await memberOfNewUnit(app);
    await call(app, 'units:delete', { id: unit.id });
    await call(app, 'groups:delete', { id: 1 });
    const bin = await call(app, 'recycleBin:list', {});
    await call(app, 'recycleBin:restore', { id: bin.find((e) => e.kind === 'unit')!.id });
    await call(app, 'recycleBin:restore', { id: bin.find((e) => e.kind === 'group')!.id });
    const back = (await call(app, 'groups:view', { id: 1 })).members.find((m) => m.id === member.id);
    expect(back).toMatchObject({ personName: '赵敏', unitId: unit.id });
    expect(count(app, 'SELECT COUNT(*) AS n FROM recycle_bin_refill')).toBe(0);
  });

  it('restoring the group first and then the unit does the same', async () => {
    const app = binApp();
    const { unit, member } = await memberOfNewUnit(app);
    await call(app, 'units:delete', { id: unit.id });
    await call(app, 'groups:delete', { id: 1 });
    const bin = await call(app, 'recycleBin:list', {});
    await call(app, 'recycleBin:restore', { id: bin.find((e) => e.kind === 'group')!.id });
    await call(app, 'recycleBin:restore', { id: bin.find((e) => e.kind === 'unit')!.id });
    expect((await call(app, 'groups:view', { id: 1 })).members.find((m) => m.id === member.id)).toMatchObject({
      unitId: unit.id,
    });
  });

  it('a unit deleted again before the group comes back is not linked to', async () => {
    const app = binApp();
    const { unit, member } = await memberOfNewUnit(app);
    await call(app, 'units:delete', { id: unit.id });
    await call(app, 'groups:delete', { id: 1 });
    const bin = await call(app, 'recycleBin:list', {});
    await call(app, 'recycleBin:restore', { id: bin.find((e) => e.kind === 'unit')!.id });
    await call(app, 'units:delete', { id: unit.id });
    await call(app, 'recycleBin:restore', { id: bin.find((e) => e.kind === 'group')!.id });
    expect((await call(app, 'groups:view', { id: 1 })).members.find((m) => m.id === member.id)).toMatchObject({
      unitId: null,
    });
  });
});
