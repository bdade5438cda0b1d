// Every channel of the map, called the way a broken or hostile renderer could call it: wrong types, missing
// fields, huge strings, NaN and negative ids, __proto__ keys. Each malformed call must be refused with a
// Chinese sentence, write nothing and pollute nothing; each well-formed call on ids that do not exist must
// be refused in Chinese too, never reach the clerk as 程序内部出错.
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/handlers/context';
import { dispatch } from '../../../electron/handlers/dispatch';
import { channels, type ChannelName } from '../../../shared/channels';
import { INTERNAL_ERROR_MESSAGE } from '../../../shared/errors';
import { demoApp } from '../ledger/helpers';
import { mulberry32 } from '../seededRandom';

const SEED = Number(process.env.IPC_FUZZ_SEED ?? 20261201);

const random = mulberry32(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A value the schema accepts, as far as a small walk of its definition can tell: ids point nowhere. */
function sample(schema: z.ZodType, depth = 0): unknown {
  // A file's path (filePathSchema): absolute, and nowhere, so the call is refused for the missing file.
  if (schema.description === 'file-path') return path.join(os.tmpdir(), 'duban-不存在的文件夹', '不存在的文件.xlsx');
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        if (defOf(v).type === 'optional') continue;
        out[k] = sample(v, depth + 1);
      }
      return out;
    }
    case 'string': {
      if (def.format === 'date') return '2026-09-30';
      // A held preview's token that was never handed out.
      if (def.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      const checks =
        (def.checks as
          { _zod: { def: { check: string; format?: string; pattern?: RegExp; minimum?: number } } }[] | undefined) ??
        [];
      const regex = checks.find((c) => c._zod.def.format === 'regex')?._zod.def.pattern;
      if (regex?.source.includes('0-9a-f')) return 'a'.repeat(64);
      const min = checks.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum ?? 0;
      return '不存在的名称'.padEnd(Math.max(1, min), '甲');
    }
    case 'number':
      return 987654;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array': {
      const checks = (def.checks as { _zod: { def: { check: string; minimum?: number } } }[] | undefined) ?? [];
      const min = checks.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum ?? 0;
      return depth > 4 ? [] : Array.from({ length: min }, () => sample(def.element as z.ZodType, depth + 1));
    }
    case 'record':
      return {};
    case 'nullable':
      return null;
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return sample(def.innerType as z.ZodType, depth + 1);
    case 'union':
      return sample((def.options as z.ZodType[])[0]!, depth + 1);
    case 'pipe':
      return sample(def.in as z.ZodType, depth + 1);
    default:
      return undefined;
  }
}

const HOSTILE: unknown[] = [
  null,
  'x',
  -1,
  0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1.5,
  true,
  [],
  {},
  '甲'.repeat(200_000),
  ['甲'.repeat(50_000)],
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
];

/** Mutations of a payload: a field replaced by something hostile, removed, or the whole payload replaced. */
function mutants(base: unknown, count: number): unknown[] {
  const out: unknown[] = [null, 42, 'payload', [], JSON.parse('{"__proto__": {"polluted": true}}')];
  const keys = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
  for (let i = 0; i < count; i++) {
    if (!keys.length) {
      out.push(pick(HOSTILE));
      continue;
    }
    const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    const key = pick(keys);
    if (random() < 0.2) delete copy[key];
    else copy[key] = pick(HOSTILE);
    if (random() < 0.2) Object.defineProperty(copy, '__proto__', { value: { polluted: true }, enumerable: true });
    out.push(copy);
  }
  return out;
}

const context = demoApp;

const CHINESE = /[\u4e00-\u9fa5]/;
const changes = (ctx: AppContext) => (ctx.ledger.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const tally = { channels: 0, malformed: 0, wellFormed: 0, refusedInChinese: 0 };

afterAll(() => {
  console.log(
    `ipc fuzz (seed ${SEED}): ${tally.channels} channels, ${tally.malformed} malformed calls refused with no write, ${tally.wellFormed} well-formed calls on missing ids, ${tally.refusedInChinese} of them refused in Chinese`,
  );
});

describe(`every channel against malformed payloads (seed ${SEED})`, () => {
  const names = Object.keys(channels) as ChannelName[];

  it('refuses each malformed call in Chinese naming what is wrong, writes nothing, pollutes no prototype', async () => {
    const ctx = context();
    for (const name of names) {
      tally.channels += 1;
      const schema = channels[name].request as z.ZodType;
      for (const payload of mutants(sample(schema), 12)) {
        if (schema.safeParse(payload ?? {}).success) continue; // a legitimate call: not this test's business
        tally.malformed += 1;
        const before = changes(ctx);
        const result = await dispatch(ctx, name, payload);
        const where = `${name} ← ${JSON.stringify(payload)?.slice(0, 120)}`;
        expect(result.ok, where).toBe(false);
        if (!result.ok) {
          expect(result.error.code, where).toBe('invalid_request');
          expect(result.error.message, where).toMatch(CHINESE);
          expect(result.error.message, where).not.toMatch(/无效输入|期望|expected|Invalid/i);
        }
        expect(changes(ctx), where).toBe(before);
        expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
      }
    }
    expect(tally.malformed).toBeGreaterThan(names.length * 5);
    expect(ctx.errors).toEqual([]);
  }, 120_000);

  it('refuses a well-formed call on items that do not exist with a Chinese reason, never as an internal error', async () => {
    const ctx = context();
    const internal: string[] = [];
    for (const name of names) {
      const schema = channels[name].request as z.ZodType;
      const payload = sample(schema);
      if (!schema.safeParse(payload).success) continue;
      tally.wellFormed += 1;
      const result = await dispatch(ctx, name, payload);
      if (result.ok) continue;
      if (result.error.message === INTERNAL_ERROR_MESSAGE)
        internal.push(`${name} ← ${JSON.stringify(payload).slice(0, 160)}`);
      else if (CHINESE.test(result.error.message)) tally.refusedInChinese += 1;
    }
    expect(internal).toEqual([]);
    expect(tally.wellFormed).toBeGreaterThan(names.length / 2);
  }, 120_000);
});
