// How a channel is declared (request schema, response type), and the id and date schemas every feature uses.
import { z } from 'zod';

z.config(z.locales.zhCN());

/** Curried so the response type can be named while the request type is inferred from the schema. */
export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as unknown as Res });
}

export const idSchema = z.number().int().positive();
export const isoDateSchema = z.iso.date('日期格式不正确，应为 YYYY-MM-DD，例如 2025-12-31。');

/** Windows paths run to a few hundred characters; anything far longer is no file a clerk chose. */
export const MAX_PATH_CHARS = 2048;
/**
 * A file's full path as the desktop gives it (a dialog's answer, a file dropped from Explorer): files are
 * read in main from where they are, so no file's bytes cross IPC. Absolute in Windows (C:\…, \\server\share\…)
 * or POSIX form; main checks it again with the platform's own rules before reading.
 */
export const filePathSchema = z
  .string('请重新选择文件（未收到文件位置）。')
  .min(1, '请重新选择文件（未收到文件位置）。')
  .max(
    MAX_PATH_CHARS,
    `文件所在位置太长（超过 ${MAX_PATH_CHARS} 个字），请把文件复制到较短的文件夹（如桌面）后再导入。`,
  )
  .refine((p) => ![...p].some((c) => c.charCodeAt(0) < 0x20), '文件位置含有无法识别的字符，请重新选择文件。')
  .refine(
    (p) => /^(?:[A-Za-z]:[\\/]|\\\\[^\\/]|\/)/.test(p),
    '文件位置不完整，请从“选择文件…”或资源管理器重新选择文件。',
  )
  .describe('file-path');
