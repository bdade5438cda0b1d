// The one contract between renderer and main: channel name → request schema → response type.
// Main validates every payload against these schemas before a handler sees it.
// Each feature declares its channels in its own file here; this map joins them.
import type { z } from 'zod';
import { dashboardChannels } from './dashboard';
import { groupChannels } from './groups';
import { exportChannels } from './exports';
import { returnsChannels } from './returns';
import { importChannels } from './imports';
import { ingestChannels } from './ingest';
import { ledgerChannels } from './ledger';
import { roundChannels } from './rounds';
import { settingsChannels } from './settings';
import { taskChannels } from './tasks';
import { undoChannels } from './undo';
import { unitChannels } from './units';

export type { AppInfo, LedgerSummary } from './ledger';
export type { LatestProgress, TaskDetail, TaskListView, TaskRow } from './tasks';
export { unitCreateSchema, unitFieldsSchema } from './units';

export const channels = {
  ...ledgerChannels,
  ...unitChannels,
  ...groupChannels,
  ...roundChannels,
  ...taskChannels,
  ...dashboardChannels,
  ...undoChannels,
  ...settingsChannels,
  ...ingestChannels,
  ...importChannels,
  ...exportChannels,
  ...returnsChannels,
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
