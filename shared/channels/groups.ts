// 领导小组's channels: groups, their members and personnel changes, member units' duties.
import { z } from 'zod';
import { GROUP_ROLES, type GroupDuty, type GroupMember, type LeadershipGroup, type PolicyDocument } from '../domain';
import { channel, idSchema, isoDateSchema } from './define';

/** One group as its page shows it: members include ended memberships (validTo set) for 显示历史. */
export interface GroupView {
  group: LeadershipGroup;
  members: GroupMember[];
  duties: GroupDuty[];
}

export interface GroupList {
  groups: LeadershipGroup[];
  documents: PolicyDocument[];
}

const text = (label: string, max: number) => z.string().trim().max(max, `${label}太长（最多 ${max} 个字）。`);
const unitRef = idSchema.nullable();

export const groupFieldsSchema = z.object({
  name: text('领导小组名称', 100).min(1, '领导小组名称不能为空。'),
  documentId: idSchema.nullable(),
  officeUnitId: unitRef,
  officeDirector: text('办公室主任', 50),
  establishedOn: isoDateSchema.nullable(),
});

export const memberRoleSchema = z.enum(GROUP_ROLES, '职务不正确，请从下拉列表中选择。');

export const memberFieldsSchema = z.object({
  role: memberRoleSchema,
  personName: text('姓名', 30),
  post: text('职务（岗位）', 100),
  unitId: unitRef,
});

export const personChangeSchema = z.object({
  memberId: idSchema,
  personName: text('姓名', 30).min(1, '请填写接任人员的姓名。'),
  post: text('职务（岗位）', 100).optional(),
  on: isoDateSchema,
});

const dutyText = text('职责', 1000);

export const groupChannels = {
  'groups:list': channel<GroupList>()(z.object({})),
  'groups:view': channel<GroupView>()(z.object({ id: idSchema })),
  'groups:create': channel<LeadershipGroup>()(groupFieldsSchema.partial().required({ name: true })),
  'groups:update': channel<LeadershipGroup>()(z.object({ id: idSchema, patch: groupFieldsSchema.partial() })),
  'groups:delete': channel<{ deleted: number }>()(z.object({ id: idSchema })),
  'groups:addMember': channel<GroupMember>()(
    z.object({
      groupId: idSchema,
      member: memberFieldsSchema.partial().required({ role: true }),
      validFrom: isoDateSchema.nullable().optional(),
    }),
  ),
  'groups:updateMember': channel<GroupMember>()(z.object({ id: idSchema, patch: memberFieldsSchema.partial() })),
  'groups:removeMember': channel<{ removed: number }>()(z.object({ id: idSchema })),
  'groups:changePerson': channel<{ ended: GroupMember; started: GroupMember }>()(personChangeSchema),
  'groups:reorderMembers': channel<GroupMember[]>()(
    z.object({ groupId: idSchema, memberIds: z.array(idSchema).min(1).max(500, '成员太多。') }),
  ),
  'groups:addDuty': channel<GroupDuty>()(
    z.object({
      groupId: idSchema,
      unitId: idSchema,
      duty: dutyText.min(1, '职责内容不能为空，请填写该单位在领导小组中的职责。'),
    }),
  ),
  'groups:updateDuty': channel<GroupDuty>()(
    z.object({ id: idSchema, patch: z.object({ unitId: idSchema, duty: dutyText }).partial() }),
  ),
  'groups:deleteDuty': channel<{ deleted: number }>()(z.object({ id: idSchema })),
};
