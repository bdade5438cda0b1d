import { GROUP_ROLES, type GroupDuty, type GroupMember, type LeadershipGroup } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { writeAudit, type LedgerContext } from '../audit';
import { moveToBin } from './recycleBin';
import { toDuty, toGroup, toMember } from './rows';

export interface GroupInput {
  name: string;
  documentId?: number | null;
  officeUnitId?: number | null;
  officeDirector?: string;
  establishedOn?: string | null;
}

export interface MemberInput {
  role: string;
  personName?: string;
  post?: string;
  unitId?: number | null;
  sortOrder?: number;
  validFrom?: string | null;
}

export type MemberPatch = Partial<Pick<GroupMember, 'role' | 'personName' | 'post' | 'unitId'>>;

export interface PersonChange {
  personName: string;
  post?: string;
  /** The day the new person takes over: the old membership ends and the new one starts on it. */
  on: string;
}

export function listGroups(ctx: LedgerContext): LeadershipGroup[] {
  return (ctx.db.prepare('SELECT * FROM leadership_group ORDER BY sort_order, id').all() as any[]).map(toGroup);
}

export function getGroup(ctx: LedgerContext, id: number): LeadershipGroup {
  const row = ctx.db.prepare('SELECT * FROM leadership_group WHERE id = ?').get(id);
  if (!row) throw new DomainError('group_not_found', `找不到编号为 ${id} 的领导小组，可能已被删除。请刷新后重试。`);
  return toGroup(row);
}

/** Every membership, ended ones included (validTo set), in roster order; the current roster is validTo === null. */
export function listMembers(ctx: LedgerContext, groupId?: number): GroupMember[] {
  const rows = groupId === undefined
    ? ctx.db.prepare('SELECT * FROM group_member ORDER BY group_id, sort_order, id').all()
    : ctx.db.prepare('SELECT * FROM group_member WHERE group_id = ? ORDER BY sort_order, id').all(groupId);
  return (rows as any[]).map(toMember);
}

export function getMember(ctx: LedgerContext, id: number): GroupMember {
  const row = ctx.db.prepare('SELECT * FROM group_member WHERE id = ?').get(id);
  if (!row) throw new DomainError('member_not_found', `找不到编号为 ${id} 的领导小组成员，可能已被移除。请刷新后重试。`);
  return toMember(row);
}

export function listDuties(ctx: LedgerContext, groupId?: number): GroupDuty[] {
  const rows = groupId === undefined
    ? ctx.db.prepare('SELECT * FROM group_duty ORDER BY group_id, sort_order, id').all()
    : ctx.db.prepare('SELECT * FROM group_duty WHERE group_id = ? ORDER BY sort_order, id').all(groupId);
  return (rows as any[]).map(toDuty);
}

function getDuty(ctx: LedgerContext, id: number): GroupDuty {
  const row = ctx.db.prepare('SELECT * FROM group_duty WHERE id = ?').get(id);
  if (!row) throw new DomainError('duty_not_found', `找不到编号为 ${id} 的成员单位职责，可能已被删除。请刷新后重试。`);
  return toDuty(row);
}

/** A foreign key failure would surface as an internal error; the clerk is told the choice is stale instead. */
function unitNameOf(ctx: LedgerContext, unitId: number | null | undefined): string | null {
  if (unitId == null) return null;
  const row = ctx.db.prepare('SELECT name FROM unit WHERE id = ?').get(unitId) as { name: string } | undefined;
  if (!row) throw new DomainError('unit_not_found', '所选单位已不存在（可能已被删除）。请刷新后重新选择。');
  return row.name;
}

function assertRole(role: string): void {
  if (!(GROUP_ROLES as readonly string[]).includes(role)) {
    throw new DomainError('member_bad_role', `职务“${role}”不在可选范围内，请从下拉列表中选择（${GROUP_ROLES.join('、')}）。`);
  }
}

function assertCurrent(member: GroupMember, doing: string): void {
  if (member.validTo !== null) {
    throw new DomainError('member_ended', `这条成员记录已于 ${member.validTo} 结束，是历史记录，不能${doing}。请在现任成员上操作。`);
  }
}

function patched<T extends object>(before: T, patch: Partial<T>): T {
  return { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as T;
}

export function createGroup(ctx: LedgerContext, input: GroupInput): LeadershipGroup {
  return ctx.db.transaction(() => {
    if (!input.name.trim()) throw new DomainError('group_name_empty', '领导小组名称不能为空。');
    unitNameOf(ctx, input.officeUnitId);
    const sortOrder = (ctx.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM leadership_group').get() as { n: number }).n;
    const info = ctx.db
      .prepare('INSERT INTO leadership_group (name, document_id, office_unit_id, office_director, established_on, sort_order) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.name.trim(), input.documentId ?? null, input.officeUnitId ?? null, input.officeDirector?.trim() ?? '', input.establishedOn ?? null, sortOrder);
    const created = getGroup(ctx, Number(info.lastInsertRowid));
    writeAudit(ctx, { entity: 'leadership_group', entityId: created.id, action: 'create', after: created });
    return created;
  })();
}

export function updateGroup(ctx: LedgerContext, id: number, patch: Partial<GroupInput>): LeadershipGroup {
  return ctx.db.transaction(() => {
    const before = getGroup(ctx, id);
    const next = patched(before, patch as Partial<LeadershipGroup>);
    next.name = next.name.trim();
    next.officeDirector = next.officeDirector.trim();
    if (!next.name) throw new DomainError('group_name_empty', '领导小组名称不能为空。');
    if (next.documentId !== null && !ctx.db.prepare('SELECT 1 FROM policy_document WHERE id = ?').get(next.documentId)) {
      throw new DomainError('document_not_found', '所选文件已不存在（可能已被删除）。请刷新后重新选择。');
    }
    unitNameOf(ctx, next.officeUnitId);
    ctx.db
      .prepare('UPDATE leadership_group SET name = ?, document_id = ?, office_unit_id = ?, office_director = ?, established_on = ? WHERE id = ?')
      .run(next.name, next.documentId, next.officeUnitId, next.officeDirector, next.establishedOn, id);
    const after = getGroup(ctx, id);
    writeAudit(ctx, { entity: 'leadership_group', entityId: id, action: 'update', before, after });
    return after;
  })();
}

/** The whole group goes to the recycle bin with its members (past ones too) and duties. */
export function deleteGroup(ctx: LedgerContext, id: number, into?: number): void {
  ctx.db.transaction(() => {
    const group = getGroup(ctx, id);
    moveToBin(ctx, { kind: 'group', kindLabel: '领导小组', label: group.name, table: 'leadership_group', id }, into);
  })();
}

export function addMember(ctx: LedgerContext, groupId: number, input: MemberInput): GroupMember {
  return ctx.db.transaction(() => {
    getGroup(ctx, groupId);
    // No role check here: documents name roles beyond the usual list (第一副组长, 顾问) and imports keep them.
    if (!input.personName?.trim() && input.unitId == null) {
      throw new DomainError('member_empty', '成员至少要填写姓名或所在单位。');
    }
    unitNameOf(ctx, input.unitId);
    const sortOrder =
      input.sortOrder ??
      (ctx.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM group_member WHERE group_id = ?').get(groupId) as { n: number }).n;
    const info = ctx.db
      .prepare('INSERT INTO group_member (group_id, role, person_name, post, unit_id, sort_order, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(groupId, input.role, input.personName?.trim() ?? '', input.post?.trim() ?? '', input.unitId ?? null, sortOrder, input.validFrom ?? null);
    const created = getMember(ctx, Number(info.lastInsertRowid));
    writeAudit(ctx, { entity: 'group_member', entityId: created.id, action: 'create', after: created });
    return created;
  })();
}

/** Corrects a current member in place (a typo, a wrong unit). A real change of person goes through changePerson. */
export function updateMember(ctx: LedgerContext, id: number, patch: MemberPatch): GroupMember {
  return ctx.db.transaction(() => {
    const before = getMember(ctx, id);
    assertCurrent(before, '修改');
    const next = patched(before, patch);
    next.personName = next.personName.trim();
    next.post = next.post.trim();
    if (next.role !== before.role) assertRole(next.role);
    if (!next.personName && next.unitId === null) throw new DomainError('member_empty', '成员至少要填写姓名或所在单位。');
    unitNameOf(ctx, next.unitId);
    ctx.db
      .prepare('UPDATE group_member SET role = ?, person_name = ?, post = ?, unit_id = ? WHERE id = ?')
      .run(next.role, next.personName, next.post, next.unitId, id);
    const after = getMember(ctx, id);
    writeAudit(ctx, { entity: 'group_member', entityId: id, action: 'update', before, after });
    return after;
  })();
}

/** Removes an entry made by mistake; someone who is replaced is recorded with changePerson so history stays. */
export function removeMember(ctx: LedgerContext, id: number): void {
  ctx.db.transaction(() => {
    const before = getMember(ctx, id);
    ctx.db.prepare('DELETE FROM group_member WHERE id = ?').run(id);
    writeAudit(ctx, { entity: 'group_member', entityId: id, action: 'delete', before });
  })();
}

/**
 * 人员变动: the old membership ends on the given day and a new one with the same role, unit and place
 * starts on it, so the roster shows who served when.
 */
export function changePerson(ctx: LedgerContext, memberId: number, change: PersonChange): { ended: GroupMember; started: GroupMember } {
  return ctx.db.transaction(() => {
    const before = getMember(ctx, memberId);
    assertCurrent(before, '再做人员变动');
    const personName = change.personName.trim();
    const post = (change.post ?? before.post).trim();
    if (!personName) throw new DomainError('member_person_empty', '请填写接任人员的姓名。');
    if (personName === before.personName && post === before.post) {
      throw new DomainError('member_same_person', `接任人员与现任“${before.personName}”相同，无需变动。如只是改正错字，请直接在表格中修改。`);
    }
    if (before.validFrom && change.on <= before.validFrom) {
      throw new DomainError('member_change_too_early', `变动日期 ${change.on} 应晚于现任人员的任职日期 ${before.validFrom}，请检查日期。`);
    }
    ctx.db.prepare('UPDATE group_member SET valid_to = ? WHERE id = ?').run(change.on, memberId);
    const ended = getMember(ctx, memberId);
    writeAudit(ctx, { entity: 'group_member', entityId: memberId, action: 'update', before, after: ended });
    const info = ctx.db
      .prepare('INSERT INTO group_member (group_id, role, person_name, post, unit_id, sort_order, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(before.groupId, before.role, personName, post, before.unitId, before.sortOrder, change.on);
    const started = getMember(ctx, Number(info.lastInsertRowid));
    writeAudit(ctx, { entity: 'group_member', entityId: started.id, action: 'create', after: started });
    return { ended, started };
  })();
}

/**
 * Puts the current roster in the given order. The list must name exactly the current members, so a
 * stale screen (someone added or changed a member meanwhile) is refused rather than half-applied.
 * Ended memberships keep their place value, so history stays near the post it belonged to.
 */
export function reorderMembers(ctx: LedgerContext, groupId: number, memberIds: number[]): GroupMember[] {
  return ctx.db.transaction(() => {
    getGroup(ctx, groupId);
    const current = listMembers(ctx, groupId).filter((m) => m.validTo === null);
    const wanted = new Set(memberIds);
    if (wanted.size !== memberIds.length || wanted.size !== current.length || current.some((m) => !wanted.has(m.id))) {
      throw new DomainError('member_order_stale', '成员名单已有变化，排序未保存。请刷新后重新排序。');
    }
    const byId = new Map(current.map((m) => [m.id, m]));
    const setOrder = ctx.db.prepare('UPDATE group_member SET sort_order = ? WHERE id = ?');
    memberIds.forEach((id, index) => {
      const before = byId.get(id)!;
      const sortOrder = index + 1;
      if (before.sortOrder === sortOrder) return;
      setOrder.run(sortOrder, id);
      writeAudit(ctx, { entity: 'group_member', entityId: id, action: 'update', before, after: { ...before, sortOrder } });
    });
    return listMembers(ctx, groupId);
  })();
}

export function addDuty(ctx: LedgerContext, groupId: number, input: { unitId?: number | null; unitName: string; duty: string }): GroupDuty {
  return ctx.db.transaction(() => {
    getGroup(ctx, groupId);
    const duty = input.duty.trim();
    if (!duty) throw new DomainError('duty_empty', '职责内容不能为空，请填写该单位在领导小组中的职责。');
    const unitName = unitNameOf(ctx, input.unitId) ?? input.unitName.trim();
    if (!unitName) throw new DomainError('duty_unit_empty', '请选择承担这项职责的成员单位。');
    const sortOrder = (ctx.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM group_duty WHERE group_id = ?').get(groupId) as { n: number }).n;
    const info = ctx.db
      .prepare('INSERT INTO group_duty (group_id, unit_id, unit_name, duty, sort_order) VALUES (?, ?, ?, ?, ?)')
      .run(groupId, input.unitId ?? null, unitName, duty, sortOrder);
    const created = getDuty(ctx, Number(info.lastInsertRowid));
    writeAudit(ctx, { entity: 'group_duty', entityId: created.id, action: 'create', after: created });
    return created;
  })();
}

/** The unit name is copied beside the id so the duty still reads right if the unit is later deleted. */
export function updateDuty(ctx: LedgerContext, id: number, patch: { unitId?: number; duty?: string }): GroupDuty {
  return ctx.db.transaction(() => {
    const before = getDuty(ctx, id);
    const duty = (patch.duty ?? before.duty).trim();
    if (!duty) throw new DomainError('duty_empty', '职责内容不能为空。如要去掉这项职责，请点“删除”。');
    const unitId = patch.unitId ?? before.unitId;
    const unitName = unitNameOf(ctx, unitId) ?? before.unitName;
    ctx.db.prepare('UPDATE group_duty SET unit_id = ?, unit_name = ?, duty = ? WHERE id = ?').run(unitId, unitName, duty, id);
    const after = getDuty(ctx, id);
    writeAudit(ctx, { entity: 'group_duty', entityId: id, action: 'update', before, after });
    return after;
  })();
}

export function deleteDuty(ctx: LedgerContext, id: number): void {
  ctx.db.transaction(() => {
    const before = getDuty(ctx, id);
    ctx.db.prepare('DELETE FROM group_duty WHERE id = ?').run(id);
    writeAudit(ctx, { entity: 'group_duty', entityId: id, action: 'delete', before });
  })();
}
