// Typed client over the one bridge the preload exposes (or the test harness binds in its place).
import type { ChannelName, RequestOf, ResponseOf } from '@shared/channels';
import type { AppErrorData, AppNotice, Result } from '@shared/errors';

declare global {
  interface Window {
    duban?: {
      invoke: (channel: string, payload: unknown) => Promise<Result<unknown>>;
      /** Menu commands (文件 → 从备份恢复…); absent where there is no menu. */
      onMenu?: (listener: (command: string) => void) => void;
      /** Where a file dropped from Explorer lives ('' when it has no place on disk); the harness answers asynchronously. */
      pathForFile?: (file: File) => string | Promise<string>;
    };
  }
}

// Notices ride on any response (see AppNotice); kept until the shell listens, as the first answers
// (the recovery check) come before it is shown.
const pendingNotices: AppNotice[] = [];
const noticeListeners = new Set<(notices: AppNotice[]) => void>();

export function onNotices(listener: (notices: AppNotice[]) => void): () => void {
  noticeListeners.add(listener);
  if (pendingNotices.length) listener(pendingNotices.splice(0));
  return () => noticeListeners.delete(listener);
}

export class AppError extends Error {
  readonly code: string;
  constructor(data: AppErrorData) {
    super(data.message);
    this.code = data.code;
  }
}

export async function invoke<C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const bridge = window.duban;
  if (!bridge) throw new AppError({ code: 'no_bridge', message: '无法连接到台账服务，请重新启动督办台账。' });
  let result: Result<unknown>;
  try {
    result = await bridge.invoke(channel, payload);
  } catch {
    throw new AppError({ code: 'bridge_failed', message: '与台账服务的连接中断，操作未完成。请重新启动督办台账。' });
  }
  if (result.notices?.length) {
    if (noticeListeners.size) noticeListeners.forEach((listener) => listener(result.notices!));
    else pendingNotices.push(...result.notices);
  }
  if (!result.ok) throw new AppError(result.error);
  return result.data as ResponseOf<C>;
}

export function errorMessage(err: unknown): string {
  return err instanceof AppError ? err.message : '操作未完成，请重试。';
}

/**
 * The paths of dropped files, for main to read them where they are (no file's bytes cross to main). A file
 * without one (dragged from a browser or a mail attachment that is not saved) is refused by name.
 */
export async function droppedPaths(files: File[]): Promise<{ file: File; path: string }[]> {
  const pathForFile = window.duban?.pathForFile;
  const out: { file: File; path: string }[] = [];
  for (const file of files) {
    const path = pathForFile ? await pathForFile(file) : '';
    if (!path)
      throw new AppError({
        code: 'file_without_path',
        message: `无法取得“${file.name}”在电脑上的位置：请先把它保存到电脑（如桌面），再从资源管理器拖入，或点“选择文件…”选择。`,
      });
    out.push({ file, path });
  }
  return out;
}
