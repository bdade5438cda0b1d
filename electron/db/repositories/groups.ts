// 领导小组 in the ledger: groups, members over time (a personnel change ends one term, starts the next), duties.
import { GROUP_ROLES, type GroupDuty, type GroupMember, type LeadershipGroup } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { insertRow, updateRow } from '../write';
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
  return ctx.db.prepare('SELECT * FROM leadership_group ORDER BY sort_order, id').all().map(toGroup);
}

export function getGroup(ctx: LedgerContext, id: number): LeadershipGroup {
  const row = ctx.db.prepare('SELECT * FROM leadership_group WHERE id = ?').get(id);
  if (!row) throw new DomainError('group_not_found', `找不到编号为 ${id} 的领导小组，可能已被删除。请刷新后重试。`);
  return toGroup(row);
}

/** Every membership, ended ones included (validTo set), in roster order; the current roster is validTo === null. */
export function listMembers(ctx: LedgerContext, groupId?: number): GroupMember[] {
  const rows =
    groupId === undefined
      ? ctx.db.prepare('SELECT * FROM group_member ORDER BY group_id, sort_order, id').all()
      : ctx.db.prepare('SELECT * FROM group_member WHERE group_id = ? ORDER BY sort_order, id').all(groupId);
  return rows.map(toMember);
}

export function getMember(ctx: LedgerContext, id: number): GroupMember {
  const row = ctx.db.prepare('SELECT * FROM group_member WHERE id = ?').get(id);
  if (!row)
    throw new DomainError('member_not_found', `找不到编号为 ${id} 的领导小组成员，可能已被移除。请刷新后重试。`);
  return toMember(row);
}

export function listDuties(ctx: LedgerContext, groupId?: number): GroupDuty[] {
  const rows =
    groupId === undefined
      ? ctx.db.prepare('SELECT * FROM group_duty ORDER BY group_id, sort_order, id').all()
      : ctx.db.prepare('SELECT * FROM group_duty WHERE group_id = ? ORDER BY sort_order, id').all(groupId);
  return rows.map(toDuty);
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
    throw new DomainError(
      'member_bad_role',
      `职务“${role}”不在可选范围内，请从下拉列表中选择（${GROUP_ROLES.join('、')}）。`,
    );
  }
}

function assertCurrent(member: GroupMember, doing: string): void {
  if (member.validTo !== null) {
    throw new DomainError(
      'member_ended',
      `这条成员记录已于 ${member.validTo} 结束，是历史记录，不能${doing}。请在现任成员上操作。`,
    );
  }
}

function patched<T extends object>(before: T, patch: Partial<T>): T {
  return { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
}

/** Two groups of one name could not be told apart in selects, exports and the recycle bin. */
function assertNameFree(ctx: LedgerContext, name: string, except = 0): void {
  if (ctx.db.prepare('SELECT 1 FROM leadership_group WHERE name = ? AND id <> ?').get(name, except)) {
    throw new DomainError('group_name_duplicate', `已有名为“${name}”的领导小组，请换一个名称。`);
  }
}

export function createGroup(ctx: LedgerContext, input: GroupInput): LeadershipGroup {
  return ctx.db.transaction(() => {
    if (!input.name.trim()) throw new DomainError('group_name_empty', '领导小组名称不能为空。');
    assertNameFree(ctx, input.name.trim());
    unitNameOf(ctx, input.officeUnitId);
    const sortOrder = (
      ctx.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM leadership_group').get() as { n: number }
    ).n;
    const { id } = insertRow(ctx, ENTITIES.leadership_group, {
      name: input.name.trim(),
      documentId: input.documentId ?? null,
      officeUnitId: input.officeUnitId ?? null,
      officeDirector: input.officeDirector?.trim() ?? '',
      establishedOn: input.establishedOn ?? null,
      sortOrder,
    });
    const created = getGroup(ctx, id as number);
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
    if (next.name !== before.name) assertNameFree(ctx, next.name, id);
    if (
      next.documentId !== null &&
      !ctx.db.prepare('SELECT 1 FROM policy_document WHERE id = ?').get(next.documentId)
    ) {
      throw new DomainError('document_not_found', '所选文件已不存在（可能已被删除）。请刷新后重新选择。');
    }
    unitNameOf(ctx, next.officeUnitId);
    const { name, documentId, officeUnitId, officeDirector, establishedOn } = next;
    updateRow(
      ctx,
      ENTITIES.leadership_group,
      id,
      { name, documentId, officeUnitId, officeDirector, establishedOn },
      { onlyIfChanged: true },
    );
    const after = getGroup(ctx, id);
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
      (
        ctx.db
          .prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM group_member WHERE group_id = ?')
          .get(groupId) as { n: number }
      ).n;
    const { id } = insertRow(ctx, ENTITIES.group_member, {
      groupId,
      role: input.role,
      personName: input.personName?.trim() ?? '',
      post: input.post?.trim() ?? '',
      unitId: input.unitId ?? null,
      sortOrder,
      validFrom: input.validFrom ?? null,
      validTo: null,
    });
    const created = getMember(ctx, id as number);
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
    if (!next.personName && next.unitId === null)
      throw new DomainError('member_empty', '成员至少要填写姓名或所在单位。');
    unitNameOf(ctx, next.unitId);
    const { role, personName, post, unitId } = next;
    updateRow(ctx, ENTITIES.group_member, id, { role, personName, post, unitId }, { onlyIfChanged: true });
    const after = getMember(ctx, id);
    return after;
  })();
}

/**
 * Removes an entry made by mistake (someone who is replaced is recorded with changePerson so history
 * stays). It goes to the recycle bin, so a removal by mistake can itself be taken back.
 */
export function removeMember(ctx: LedgerContext, id: number, into?: number): void {
  ctx.db.transaction(() => {
    const member = getMember(ctx, id);
    const unit =
      member.unitId === null
        ? ''
        : ((ctx.db.prepare('SELECT name FROM unit WHERE id = ?').get(member.unitId) as { name: string } | undefined)
            ?.name ?? '');
    const who = member.personName || unit || '（未填姓名）';
    const label = `${getGroup(ctx, member.groupId).name}：${member.role} ${who}`;
    moveToBin(ctx, { kind: 'member', kindLabel: '领导小组成员', label, table: 'group_member', id }, into);
  })();
}

/**
 * 人员变动: the old membership ends on the given day and a new one with the same role, unit and place
 * starts on it, so the roster shows who served when.
 */
export function changePerson(
  ctx: LedgerContext,
  memberId: number,
  change: PersonChange,
): { ended: GroupMember; started: GroupMember } {
  return ctx.db.transaction(() => {
    const before = getMember(ctx, memberId);
    assertCurrent(before, '再做人员变动');
    const personName = change.personName.trim();
    const post = (change.post ?? before.post).trim();
    if (!personName) throw new DomainError('member_person_empty', '请填写接任人员的姓名。');
    if (personName === before.personName && post === before.post) {
      throw new DomainError(
        'member_same_person',
        `接任人员与现任“${before.personName}”相同，无需变动。如只是改正错字，请直接在表格中修改。`,
      );
    }
    if (before.validFrom && change.on <= before.validFrom) {
      throw new DomainError(
        'member_change_too_early',
        `变动日期 ${change.on} 应晚于现任人员的任职日期 ${before.validFrom}，请检查日期。`,
      );
    }
    updateRow(ctx, ENTITIES.group_member, memberId, { validTo: change.on });
    const ended = getMember(ctx, memberId);
    const { id } = insertRow(ctx, ENTITIES.group_member, {
      groupId: before.groupId,
      role: before.role,
      personName,
      post,
      unitId: before.unitId,
      sortOrder: before.sortOrder,
      validFrom: change.on,
      validTo: null,
    });
    const started = getMember(ctx, id as number);
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
    memberIds.forEach((id, index) => {
      if (byId.get(id)!.sortOrder !== index + 1) updateRow(ctx, ENTITIES.group_member, id, { sortOrder: index + 1 });
    });
    return listMembers(ctx, groupId);
  })();
}

export function addDuty(
  ctx: LedgerContext,
  groupId: number,
  input: { unitId?: number | null; unitName: string; duty: string },
): GroupDuty {
  return ctx.db.transaction(() => {
    getGroup(ctx, groupId);
    const duty = input.duty.trim();
    if (!duty) throw new DomainError('duty_empty', '职责内容不能为空，请填写该单位在领导小组中的职责。');
    const unitName = unitNameOf(ctx, input.unitId) ?? input.unitName.trim();
    if (!unitName) throw new DomainError('duty_unit_empty', '请选择承担这项职责的成员单位。');
    const sortOrder = (
      ctx.db
        .prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM group_duty WHERE group_id = ?')
        .get(groupId) as { n: number }
    ).n;
    const { id } = insertRow(ctx, ENTITIES.group_duty, {
      groupId,
      unitId: input.unitId ?? null,
      unitName,
      duty,
      sortOrder,
    });
    const created = getDuty(ctx, id as number);
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
    updateRow(ctx, ENTITIES.group_duty, id, { unitId, unitName, duty }, { onlyIfChanged: true });
    const after = getDuty(ctx, id);
    return after;
  })();
}

/** A member unit's duty goes to the recycle bin, like a removed member. */
export function deleteDuty(ctx: LedgerContext, id: number, into?: number): void {
  ctx.db.transaction(() => {
    const duty = getDuty(ctx, id);
    const text = duty.duty.length > 20 ? `${duty.duty.slice(0, 20)}…` : duty.duty;
    const label = `${getGroup(ctx, duty.groupId).name}：${duty.unitName}（${text}）`;
    moveToBin(ctx, { kind: 'duty', kindLabel: '成员单位职责', label, table: 'group_duty', id }, into);
  })();
}
