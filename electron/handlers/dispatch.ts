// The one entry into the main process: every channel's handler, the payload validated, failures made Chinese.
import { channels, describeValidationError, isChannelName, type ChannelName } from '../../shared/channels';
import { DomainError, INTERNAL_ERROR_MESSAGE, type Result } from '../../shared/errors';
import { retryWhileBusy } from '../db/busyLedger';
import { translateLedgerError } from '../db/sqliteErrors';
import { appHandlers } from './app';
import { backupHandlers, RECOVERY_CHANNELS } from './backups';
import type { AppContext } from './context';
import { dashboardHandlers } from './dashboard';
import { groupHandlers } from './groups';
import { exportHandlers } from './exports';
import { returnsHandlers } from './returns';
import { importHandlers } from './importBatches';
import { documentHandlers } from './documents';
import { ledgerGate, LEDGER_SWAPPING_CHANNELS } from './ledgerGate';
import { ledgerHandlers } from './ledger';
import { recycleBinHandlers } from './recycleBin';
import { roundHandlers } from './rounds';
import type { Handler, HandlerMap } from './types';
import { settingsHandlers } from './settings';
import { taskHandlers } from './tasks';
import { undoHandlers } from './undo';
import { unitHandlers } from './units';
import { withUndoPages } from './undoable';

// Each undoable channel's changes are undone on its own page (withUndoPages).
export const handlers: HandlerMap = withUndoPages({
  ...appHandlers,
  ...ledgerHandlers,
  ...unitHandlers,
  ...groupHandlers,
  ...roundHandlers,
  ...taskHandlers,
  ...dashboardHandlers,
  ...undoHandlers,
  ...settingsHandlers,
  ...documentHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...returnsHandlers,
  ...recycleBinHandlers,
  ...backupHandlers,
});

/**
 * The single entry from the outside (ipcMain in the app, page.exposeBinding in the browser harness):
 * validates the payload against the channel map, runs the handler, and turns every failure into
 * {code, message} with a Chinese message. Internal errors are logged with detail, never shown.
 */
export async function dispatch(ctx: AppContext, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  const result = await run(ctx, channel, payload);
  // Whatever the clerk should also know (a backup that failed) rides on the next answer.
  const notices = ctx.notices?.splice(0) ?? [];
  return notices.length ? { ...result, notices } : result;
}

async function run(ctx: AppContext, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    ctx.log('warn', `unknown channel ${String(channel)}`);
    return { ok: false, error: { code: 'unknown_channel', message: '程序版本不一致，请重新启动督办台账。' } };
  }
  // Behind a restore that is running or asked for: the call then sees the restored ledger (or recovery mode).
  return ledgerGate(ctx).run(LEDGER_SWAPPING_CHANNELS.has(channel), () => runHandler(ctx, channel, payload));
}

async function runHandler(ctx: AppContext, channel: ChannelName, payload: unknown): Promise<Result<unknown>> {
  if (ctx.ledgerProblem && !RECOVERY_CHANNELS.has(channel)) {
    return {
      ok: false,
      error: { code: 'ledger_unavailable', message: '台账文件无法打开，请先按提示从备份恢复台账，或另起一个空台账。' },
    };
  }
  const parsed = channels[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_request', message: describeValidationError(parsed.error) } };
  }
  try {
    const handler = handlers[channel] as Handler<ChannelName>;
    // Another program holding the write lock is waited out here, between attempts, not inside SQLite.
    const data = await retryWhileBusy(
      () => ctx.ledger.db,
      () => handler(ctx, parsed.data as never),
      {
        limitMs: ctx.busyWaitLimitMs,
        onWait: () => ctx.log('info', `handler ${channel}: ledger busy, waiting`),
      },
    );
    return { ok: true, data };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: err.toData() };
    // A locked, read-only, full or vanished ledger is the clerk's to fix: say so in Chinese, log the detail.
    const translated = translateLedgerError(err, ctx.ledgerFile);
    if (translated) {
      ctx.log('warn', `handler ${channel}: ${translated.code}`, err);
      return { ok: false, error: translated.toData() };
    }
    ctx.log('error', `handler ${channel} failed`, err);
    return { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } };
  }
}
