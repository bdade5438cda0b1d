// The one contract between renderer and main: channel name → request schema → response type.
// Main validates every payload against these schemas before a handler sees it.
// Each feature declares its channels in its own file here; this map joins them.
import type { z } from 'zod';
import { appChannels } from './app';
import { backupChannels } from './backups';
import { dashboardChannels } from './dashboard';
import { groupChannels } from './groups';
import { exportChannels } from './exports';
import { returnsChannels } from './returns';
import { importChannels } from './importBatches';
import { documentChannels } from './documents';
import { ledgerChannels } from './ledger';
import { recycleBinChannels } from './recycleBin';
import { roundChannels } from './rounds';
import { settingsChannels } from './settings';
import { taskChannels } from './tasks';
import { undoChannels } from './undo';
import { unitChannels } from './units';

export type { AppInfo, LedgerSummary } from './ledger';
export type { LatestProgress, TaskDetail, TaskListView, TaskRow } from './tasks';
export { unitCreateSchema, unitFieldsSchema } from './units';

export const channels = {
  ...appChannels,
  ...ledgerChannels,
  ...unitChannels,
  ...groupChannels,
  ...roundChannels,
  ...taskChannels,
  ...dashboardChannels,
  ...undoChannels,
  ...settingsChannels,
  ...documentChannels,
  ...importChannels,
  ...exportChannels,
  ...returnsChannels,
  ...recycleBinChannels,
  ...backupChannels,
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

/** Field names of the channel map as the clerk knows them, for messages zod writes without our words. */
const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  ids: '编号',
  name: '名称',
  shortName: '简称',
  aliases: '别名',
  kind: '类别',
  phone: '电话',
  contactPerson: '联系人',
  unitId: '单位',
  unitIds: '单位',
  roundId: '调度轮次',
  taskId: '任务',
  documentId: '文件',
  groupId: '领导小组',
  memberId: '成员',
  parentId: '上级',
  sectionId: '部分',
  title: '标题',
  content: '工作内容',
  number: '序号',
  notes: '备注',
  status: '状态',
  percent: '完成进度',
  progress: '完成情况',
  problems: '存在问题',
  nextSteps: '下步打算',
  deadline: '完成时限',
  deadlineText: '完成时限',
  leadUnits: '牵头单位',
  leadUnitIds: '牵头单位',
  coUnits: '配合单位',
  coUnitIds: '配合单位',
  files: '文件',
  fileName: '文件名',
  path: '文件位置',
  paths: '文件',
  token: '预览编号',
  overwrite: '覆盖',
  tokens: '预览编号',
  sha256: '文件校验值',
  size: '文件大小',
  rows: '行',
  row: '行号',
  sheet: '工作表',
  columns: '列',
  headerRow: '表头行',
  periodStart: '调度周期开始',
  periodEnd: '调度周期结束',
  dueOn: '报送截止日期',
  role: '职务类别',
  personName: '姓名',
  post: '职务',
  duty: '职责',
  text: '文字',
  filter: '筛选条件',
  patch: '修改内容',
  fields: '内容',
  mappings: '列对应',
  overrides: '列对应',
  today: '日期',
  issuedOn: '成文日期',
  docNumber: '文号',
  issuer: '发文机关',
  removeTaskIds: '移入回收站的任务',
  confirmedFlags: '确认保存',
  doubts: '需核对原因',
  newUnits: '新增单位',
  attachmentLabel: '附件编号',
  madeBy: '制表单位',
  shortNames: '使用简称',
  mode: '分发方式',
};

const TYPE_WORDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '一组数据',
  date: '日期',
};

/**
 * The first problem of a failed validation as one Chinese sentence a clerk can act on. Our schemas carry
 * their own sentences (they end in 。); for the rest, zod's generic words are replaced by the field's name
 * and what it should be, so the clerk never sees "无效输入：期望 数组".
 */
export function describeValidationError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '提交的数据不正确，请检查后重试。';
  if (/。$/.test(issue.message)) return issue.message;
  const key = [...issue.path].reverse().find((p) => typeof p === 'string' && FIELD_LABELS[p]) as string | undefined;
  const field = key ? `“${FIELD_LABELS[key]}”` : '提交的数据';
  const { maximum, minimum, origin } = issue as { maximum?: unknown; minimum?: unknown; origin?: string };
  const unit = origin === 'string' ? ' 个字' : origin === 'array' || origin === 'set' ? ' 项' : '';
  let what: string;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[String((issue as { expected?: string }).expected)];
      what = `缺少或类型不对${expected ? `（应为${expected}）` : ''}`;
      break;
    }
    case 'too_big':
      what = `${origin === 'string' ? '太长' : origin === 'array' ? '太多' : '太大'}（最多 ${String(maximum)}${unit}）`;
      break;
    case 'too_small':
      what = `${origin === 'string' ? '太短' : origin === 'array' ? '太少' : '太小'}（至少 ${String(minimum)}${unit}）`;
      break;
    case 'unrecognized_keys':
      what = '含有不认识的内容';
      break;
    default:
      what = '不正确';
  }
  return `${field}${what}。请刷新后重试；如仍出现，请重新启动督办台账。`;
}
