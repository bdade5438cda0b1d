import type { GroupDuty, GroupMember, LeadershipGroup } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { writeAudit, type LedgerContext } from '../audit';
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

export function listGroups(ctx: LedgerContext): LeadershipGroup[] {
  return (ctx.db.prepare('SELECT * FROM leadership_group ORDER BY sort_order, id').all() as any[]).map(toGroup);
}

export function listMembers(ctx: LedgerContext, groupId?: number): GroupMember[] {
  const rows = groupId === undefined
    ? ctx.db.prepare('SELECT * FROM group_member ORDER BY group_id, sort_order, id').all()
    : ctx.db.prepare('SELECT * FROM group_member WHERE group_id = ? ORDER BY sort_order, id').all(groupId);
  return (rows as any[]).map(toMember);
}

export function listDuties(ctx: LedgerContext, groupId?: number): GroupDuty[] {
  const rows = groupId === undefined
    ? ctx.db.prepare('SELECT * FROM group_duty ORDER BY group_id, sort_order, id').all()
    : ctx.db.prepare('SELECT * FROM group_duty WHERE group_id = ? ORDER BY sort_order, id').all(groupId);
  return (rows as any[]).map(toDuty);
}

export function createGroup(ctx: LedgerContext, input: GroupInput): LeadershipGroup {
  return ctx.db.transaction(() => {
    if (!input.name.trim()) throw new DomainError('group_name_empty', '领导小组名称不能为空。');
    const info = ctx.db
      .prepare('INSERT INTO leadership_group (name, document_id, office_unit_id, office_director, established_on) VALUES (?, ?, ?, ?, ?)')
      .run(input.name.trim(), input.documentId ?? null, input.officeUnitId ?? null, input.officeDirector ?? '', input.establishedOn ?? null);
    const created = toGroup(ctx.db.prepare('SELECT * FROM leadership_group WHERE id = ?').get(info.lastInsertRowid));
    writeAudit(ctx, { entity: 'leadership_group', entityId: created.id, action: 'create', after: created });
    return created;
  })();
}

export function addMember(ctx: LedgerContext, groupId: number, input: MemberInput): GroupMember {
  return ctx.db.transaction(() => {
    if (!input.personName?.trim() && input.unitId == null) {
      throw new DomainError('member_empty', '成员至少要填写姓名或所在单位。');
    }
    const sortOrder =
      input.sortOrder ??
      (ctx.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM group_member WHERE group_id = ?').get(groupId) as { n: number }).n;
    const info = ctx.db
      .prepare('INSERT INTO group_member (group_id, role, person_name, post, unit_id, sort_order, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(groupId, input.role, input.personName?.trim() ?? '', input.post?.trim() ?? '', input.unitId ?? null, sortOrder, input.validFrom ?? null);
    const created = toMember(ctx.db.prepare('SELECT * FROM group_member WHERE id = ?').get(info.lastInsertRowid));
    writeAudit(ctx, { entity: 'group_member', entityId: created.id, action: 'create', after: created });
    return created;
  })();
}

export function addDuty(ctx: LedgerContext, groupId: number, input: { unitId?: number | null; unitName: string; duty: string }): GroupDuty {
  return ctx.db.transaction(() => {
    const sortOrder = (ctx.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM group_duty WHERE group_id = ?').get(groupId) as { n: number }).n;
    const info = ctx.db
      .prepare('INSERT INTO group_duty (group_id, unit_id, unit_name, duty, sort_order) VALUES (?, ?, ?, ?, ?)')
      .run(groupId, input.unitId ?? null, input.unitName, input.duty, sortOrder);
    const created = toDuty(ctx.db.prepare('SELECT * FROM group_duty WHERE id = ?').get(info.lastInsertRowid));
    writeAudit(ctx, { entity: 'group_duty', entityId: created.id, action: 'create', after: created });
    return created;
  })();
}
