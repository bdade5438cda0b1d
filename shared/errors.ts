// Errors that cross from main to renderer: a stable code for code, a Chinese sentence for the clerk.

export interface AppErrorData {
  code: string;
  message: string;
}

/** A failure the clerk can act on: the message says what happened and what to do. */
export class DomainError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'DomainError';
  }
  toData(): AppErrorData {
    return { code: this.code, message: this.message };
  }
}

export const INTERNAL_ERROR_MESSAGE =
  '程序内部出错，操作未完成，数据未改动。请重试；如仍出错，请把“帮助 → 打开日志文件夹”中的日志发给技术支持。';

/**
 * Something the clerk should know that is not the answer to her action (a backup that failed, a restore
 * that finished): the main process attaches it to its next response, the app shows it once.
 */
export interface AppNotice {
  kind: 'info' | 'warning';
  message: string;
}

export type Result<T> = ({ ok: true; data: T } | { ok: false; error: AppErrorData }) & { notices?: AppNotice[] };
