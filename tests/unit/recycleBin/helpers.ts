// The 回收站 tests' tools: the demo app, typed channel calls, and tables read whole to compare.
import { dispatch } from '../../../electron/handlers/dispatch';
import type { ChannelName, RequestOf, ResponseOf } from '../../../shared/channels';
import { demoApp } from '../ledger/helpers';

export type BinApp = ReturnType<typeof demoApp>;

/** The demo ledger behind the same dispatch the app uses: handlers, validation, undo wrappers. */
export const binApp = demoApp;

/** Calls a channel as the renderer does; a refusal throws with the clerk's message. */
export async function call<C extends ChannelName>(
  app: BinApp,
  channel: C,
  payload: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await dispatch(app, channel, payload);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as ResponseOf<C>;
}

/** Rows of each table in key order, ids included: "the ledger as it was" compared cell for cell. */
export function tables(app: BinApp, names: string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of names) {
    const keys = (app.ledger.db.pragma(`table_info(${name})`) as { name: string; pk: number }[])
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    out[name] = app.ledger.db.prepare(`SELECT * FROM ${name} ORDER BY ${keys.join(', ')}`).all();
  }
  return out;
}

export function count(app: BinApp, sql: string, ...args: unknown[]): number {
  return (app.ledger.db.prepare(sql).get(...args) as { n: number }).n;
}
