// 领导小组: every edit on the page (the group, its members, 人员变动, order, duties) is one undoable change
// set on the 领导小组 page; deletes go through the recycle bin, which Ctrl+Z takes them back out of.
// (Undo restores any entity from its declaration in electron/db/entities.ts; a channel wrapped in
// undoable() joins tests/unit/ledger/undoRoundTrip.test.ts.)
import { listDocuments } from '../db/repositories/documents';
import {
  addDuty,
  addMember,
  changePerson,
  createGroup,
  deleteDuty,
  deleteGroup,
  getGroup,
  getMember,
  listDuties,
  listGroups,
  listMembers,
  removeMember,
  reorderMembers,
  updateDuty,
  updateGroup,
  updateMember,
} from '../db/repositories/groups';
import type { FeatureHandlers } from './types';
import { undoable } from './undoable';

type GroupChannel =
  | 'groups:list'
  | 'groups:view'
  | 'groups:create'
  | 'groups:update'
  | 'groups:delete'
  | 'groups:addMember'
  | 'groups:updateMember'
  | 'groups:removeMember'
  | 'groups:changePerson'
  | 'groups:reorderMembers'
  | 'groups:addDuty'
  | 'groups:updateDuty'
  | 'groups:deleteDuty';

export const groupHandlers: FeatureHandlers<GroupChannel> = {
  'groups:list': (ctx) => ({ groups: listGroups(ctx.ledger), documents: listDocuments(ctx.ledger) }),
  'groups:view': (ctx, req) => ({
    group: getGroup(ctx.ledger, req.id),
    members: listMembers(ctx.ledger, req.id),
    duties: listDuties(ctx.ledger, req.id),
  }),
  'groups:create': undoable<'groups:create'>(
    (req) => `新建领导小组 ${req.name.trim()}`,
    (ctx, req) => createGroup(ctx.ledger, { ...req, establishedOn: req.establishedOn ?? null }),
  ),
  'groups:update': undoable<'groups:update'>('修改领导小组', (ctx, req) => updateGroup(ctx.ledger, req.id, req.patch)),
  'groups:delete': undoable<'groups:delete'>('删除领导小组', (ctx, req) => {
    deleteGroup(ctx.ledger, req.id);
    return { deleted: req.id };
  }),
  'groups:addMember': undoable<'groups:addMember'>('新增领导小组成员', (ctx, req) =>
    addMember(ctx.ledger, req.groupId, { ...req.member, validFrom: req.validFrom ?? ctx.today() }),
  ),
  'groups:updateMember': undoable<'groups:updateMember'>('修改领导小组成员', (ctx, req) =>
    updateMember(ctx.ledger, req.id, req.patch),
  ),
  'groups:removeMember': undoable<'groups:removeMember'>('移除领导小组成员', (ctx, req) => {
    removeMember(ctx.ledger, req.id);
    return { removed: req.id };
  }),
  'groups:changePerson': undoable<'groups:changePerson'>(
    (req, ctx) => {
      const member = getMember(ctx.ledger, req.memberId);
      return `人员变动：${member.role} ${member.personName || '（未填姓名）'} → ${req.personName.trim()}`;
    },
    (ctx, req) => changePerson(ctx.ledger, req.memberId, { personName: req.personName, post: req.post, on: req.on }),
  ),
  'groups:reorderMembers': undoable<'groups:reorderMembers'>('调整领导小组成员顺序', (ctx, req) =>
    reorderMembers(ctx.ledger, req.groupId, req.memberIds),
  ),
  'groups:addDuty': undoable<'groups:addDuty'>('新增成员单位职责', (ctx, req) =>
    addDuty(ctx.ledger, req.groupId, { unitId: req.unitId, unitName: '', duty: req.duty }),
  ),
  'groups:updateDuty': undoable<'groups:updateDuty'>('修改成员单位职责', (ctx, req) =>
    updateDuty(ctx.ledger, req.id, req.patch),
  ),
  'groups:deleteDuty': undoable<'groups:deleteDuty'>('删除成员单位职责', (ctx, req) => {
    deleteDuty(ctx.ledger, req.id);
    return { deleted: req.id };
  }),
};
