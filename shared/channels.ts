// The one contract between renderer and main: channel name → request schema → response type.
// Main validates every payload against these schemas before a handler sees it.
import { z } from 'zod';
import { UNIT_KINDS, type LedgerSnapshot, type TaskNode, type TaskStatus, type Unit } from './domain';

z.config(z.locales.zhCN());

/** Curried so the response type can be named while the request type is inferred from the schema. */
function channel<Res>() {
  return <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as unknown as Res });
}

const PHONE = /^[0-9+\-()（） 转,，、/]*$/;

export const unitFieldsSchema = z.object({
  name: z.string().trim().min(1, '单位名称不能为空，请填写单位全称。').max(100, '单位名称太长（最多 100 个字）。'),
  shortName: z.string().trim().max(50, '简称太长（最多 50 个字）。'),
  kind: z.enum(UNIT_KINDS, '单位类别不正确，请从下拉列表中选择。'),
  aliases: z.array(z.string().trim().max(100)).max(50, '别名太多（最多 50 个）。'),
  contactPerson: z.string().trim().max(50, '联系人太长（最多 50 个字）。'),
  phone: z.string().trim().max(50, '电话太长。').regex(PHONE, '电话只能包含数字、“-”、空格和括号，例如 0575-86021234。'),
  active: z.boolean(),
});

export const unitCreateSchema = unitFieldsSchema.partial().required({ name: true });
const idSchema = z.number().int().positive();

export interface AppInfo {
  version: string;
  ledgerFile: string;
  backupsDir: string;
  today: string;
  runtime: 'electron' | 'browser-harness';
}

export interface LedgerSummary {
  today: string;
  units: number;
  groups: number;
  documents: number;
  sections: number;
  tasks: number;
  items: number;
  itemsByStatus: Record<TaskStatus, number>;
  overdue: number;
  overdueItems: { id: number; number: string; content: string; deadline: string; leadUnits: string[] }[];
  rounds: number;
  reports: number;
}

export const channels = {
  'app:info': channel<AppInfo>()(z.object({})),
  'ledger:summary': channel<LedgerSummary>()(z.object({})),
  'ledger:snapshot': channel<LedgerSnapshot>()(z.object({})),
  'units:list': channel<Unit[]>()(z.object({})),
  'units:create': channel<Unit>()(unitCreateSchema),
  'units:update': channel<Unit>()(z.object({ id: idSchema, patch: unitFieldsSchema.partial() })),
  'units:delete': channel<{ deleted: number }>()(z.object({ id: idSchema })),
  'tasks:list': channel<TaskNode[]>()(z.object({})),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What the renderer sends (before defaults are applied). */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What a handler receives (after validation). */
export type ValidRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = Channels[C]['response'];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** The first problem of a failed validation as one Chinese sentence a clerk can act on. */
export function describeValidationError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '提交的数据不正确，请检查后重试。';
  return issue.message;
}
