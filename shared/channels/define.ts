// How a channel is declared (request schema, response type), and the id and date schemas every feature uses.
import { z } from 'zod';

z.config(z.locales.zhCN());

/** Curried so the response type can be named while the request type is inferred from the schema. */
export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as unknown as Res });
}

export const idSchema = z.number().int().positive();
export const isoDateSchema = z.iso.date('日期格式不正确，应为 YYYY-MM-DD，例如 2025-12-31。');
