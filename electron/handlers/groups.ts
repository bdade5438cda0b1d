// 领导小组 writes are audited but not undoable by Ctrl+Z: the undo restorers only know how to bring back
// tasks, units and reports, and a personnel change is itself the record of what was there before.
// Deleting a whole group is the exception: it goes to the recycle bin, which undo knows how to reverse.
import { listDocuments } from '../db/repositories/documents';
import {
  addDuty,
  addMember,
  changePerson,
  createGroup,
  deleteDuty,
  deleteGroup,
  getGroup,
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
  'groups:view': (ctx, req) => ({ group: getGroup(ctx.ledger, req.id), members: listMembers(ctx.ledger, req.id), duties: listDuties(ctx.ledger, req.id) }),
  'groups:create': (ctx, req) => createGroup(ctx.ledger, { ...req, establishedOn: req.establishedOn ?? null }),
  'groups:update': (ctx, req) => updateGroup(ctx.ledger, req.id, req.patch),
  'groups:delete': undoable<'groups:delete'>('删除领导小组', (ctx, req) => {
    deleteGroup(ctx.ledger, req.id);
    return { deleted: req.id };
  }),
  'groups:addMember': (ctx, req) => addMember(ctx.ledger, req.groupId, { ...req.member, validFrom: req.validFrom ?? ctx.today() }),
  'groups:updateMember': (ctx, req) => updateMember(ctx.ledger, req.id, req.patch),
  'groups:removeMember': (ctx, req) => {
    removeMember(ctx.ledger, req.id);
    return { removed: req.id };
  },
  'groups:changePerson': (ctx, req) => changePerson(ctx.ledger, req.memberId, { personName: req.personName, post: req.post, on: req.on }),
  'groups:reorderMembers': (ctx, req) => reorderMembers(ctx.ledger, req.groupId, req.memberIds),
  'groups:addDuty': (ctx, req) => addDuty(ctx.ledger, req.groupId, { unitId: req.unitId, unitName: '', duty: req.duty }),
  'groups:updateDuty': (ctx, req) => updateDuty(ctx.ledger, req.id, req.patch),
  'groups:deleteDuty': (ctx, req) => {
    deleteDuty(ctx.ledger, req.id);
    return { deleted: req.id };
  },
};
