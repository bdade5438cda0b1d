// 责任单位's channels: list units, and create, update or delete one.
import { z } from 'zod';
import { UNIT_KINDS, type Unit } from '../domain';
import { channel, idSchema } from './define';

const PHONE = /^[0-9+\-()（） 转,，、/]*$/;

export const unitFieldsSchema = z.object({
  name: z.string().trim().min(1, '单位名称不能为空，请填写单位全称。').max(100, '单位名称太长（最多 100 个字）。'),
  shortName: z.string().trim().max(50, '简称太长（最多 50 个字）。'),
  kind: z.enum(UNIT_KINDS, '单位类别不正确，请从下拉列表中选择。'),
  aliases: z.array(z.string().trim().max(100)).max(50, '别名太多（最多 50 个）。'),
  contactPerson: z.string().trim().max(50, '联系人太长（最多 50 个字）。'),
  phone: z
    .string()
    .trim()
    .max(50, '电话太长。')
    .regex(PHONE, '电话只能包含数字、“-”、空格和括号，例如 0575-86021234。'),
  active: z.boolean(),
});

export const unitCreateSchema = unitFieldsSchema.partial().required({ name: true });

export const unitChannels = {
  'units:list': channel<Unit[]>()(z.object({})),
  'units:create': channel<Unit>()(unitCreateSchema),
  'units:update': channel<Unit>()(z.object({ id: idSchema, patch: unitFieldsSchema.partial() })),
  'units:delete': channel<{ deleted: number }>()(z.object({ id: idSchema })),
};
