// Hostile files through the route the app takes (the reader worker, then the preview or review against
// the ledger): mutated township returns (.xlsx/.xls/.csv) and policy documents (.docx/.txt) drawn from a
// seed. For every file: no crash and no hang past the per-file limit, a Chinese message naming the file
// when it is refused, and the ledger file byte for byte as it was (reading never writes).
// DUBAN_FUZZ_SEED, DUBAN_FUZZ_RETURNS and DUBAN_FUZZ_DOCUMENTS replay or widen a run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listMappings } from '../../../electron/db/repositories/columnMappings';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { buildFillTemplateWorkbook } from '../../../electron/services/excel/fillTemplateWorkbook';
import { readerLedger, withReaders } from '../../../electron/services/readers/readers';
import { reviewDocument } from '../../../electron/services/documents/reviewDocument';
import { previewReturnFile } from '../../../electron/services/returns/previewReturns';
import { DomainError } from '../../../shared/errors';
import { freshLedger } from '../ledger/helpers';
import { buildDocument, buildReturn, documentBases, documentRecipe, returnBases, returnRecipe } from './mutations';

const SEED = Number(process.env.DUBAN_FUZZ_SEED ?? 20261201);
const RETURNS = Number(process.env.DUBAN_FUZZ_RETURNS ?? 120);
const DOCUMENTS = Number(process.env.DUBAN_FUZZ_DOCUMENTS ?? 40);
/** Per file: far above what any file here needs, so only a file that would hang meets it. */
const LIMITS = { timeoutMs: 20_000 };
const BATCH = 20;
const TODAY = '2026-10-05';

/** The ledger and its write-ahead log, as bytes: they must not change while files are only read. */
function fingerprint(file: string): string {
  return ['', '-wal']
    .map((suffix) =>
      fs.existsSync(file + suffix)
        ? crypto
            .createHash('sha256')
            .update(fs.readFileSync(file + suffix))
            .digest('hex')
        : 'none',
    )
    .join(' ');
}

interface Tally {
  tried: number;
  refused: number;
  read: number;
  codes: Record<string, number>;
  failures: { file: string; recipe: unknown; problem: string }[];
}

const tally = (): Tally => ({ tried: 0, refused: 0, read: 0, codes: {}, failures: [] });

/**
 * The time and memory limits of the reader worker are the last defence. The files here are small:
 * one that reaches a limit found a way past the readers' own checks, and fails the run.
 */
const LAST_DEFENCE = new Set(['read_timeout', 'read_memory', 'read_failed']);

/** A refusal the clerk can act on: Chinese, naming the file, no stack trace or English error text. */
function checkRefusal(t: Tally, file: string, recipe: unknown, error: { code: string; message: string }): void {
  t.refused++;
  t.codes[error.code] = (t.codes[error.code] ?? 0) + 1;
  const problems = [
    LAST_DEFENCE.has(error.code) && `reached the worker's ${error.code}`,
    !error.message.includes(`“${file}”`) && 'does not name the file',
    !/[\u4e00-\u9fa5]{4}/.test(error.message) && 'is not Chinese',
    /\bat \S+:\d+|Error:|undefined|null/.test(error.message) && 'shows internals',
  ].filter(Boolean);
  if (problems.length) t.failures.push({ file, recipe, problem: `message ${problems.join(', ')}: ${error.message}` });
}

function report(kind: string, t: Tally): string {
  const codes = Object.entries(t.codes)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  return `fuzz ${kind}: seed ${SEED}, tried ${t.tried}, refused ${t.refused}, read ${t.read}, failures ${t.failures.length} (${codes})`;
}

describe('hostile input', () => {
  it(
    `township returns: ${RETURNS} mutated files are read or refused by name, and nothing is written`,
    { timeout: 600_000 },
    async () => {
      const { ctx, file } = freshLedger({ demo: true });
      const snap = readLedgerSnapshot(ctx);
      const round = snap.rounds[0]!;
      const unit = snap.units.find((u) => u.name === '城南乡')!;
      const template = Buffer.from(
        await buildFillTemplateWorkbook(snap, { unit, round, today: TODAY }).xlsx.writeBuffer(),
      );
      const bases = returnBases(template);
      const recipes = fc.sample(returnRecipe(bases.length), { seed: SEED, numRuns: RETURNS });
      const internal: string[] = [];
      const t = tally();
      const before = fingerprint(file);
      for (let start = 0; start < recipes.length; start += BATCH) {
        const batch = recipes.slice(start, start + BATCH);
        const files: { name: string; data: Buffer; recipe: unknown }[] = [];
        for (const [k, recipe] of batch.entries()) {
          const built = await buildReturn(recipe, bases);
          files.push({ name: `${start + k}_${built.name}`, data: built.data, recipe });
        }
        // As 'returns:analyze' does: the batch's files side by side in the reader workers, each previewed
        // against the round (so a refusal must also name its own file, not a neighbour's).
        const log = (level: string, message: string, detail?: unknown) =>
          level === 'error' && internal.push(`${message}: ${String(detail).slice(0, 300)}`);
        await withReaders({ ledger: readerLedger(snap, listMappings(ctx)), limits: LIMITS, log }, (readers) =>
          Promise.all(
            files.map(async (f) => {
              t.tried++;
              try {
                const view = await previewReturnFile(
                  ctx,
                  snap,
                  round.id,
                  f.name,
                  f.data,
                  TODAY,
                  undefined,
                  undefined,
                  readers.analyzeFile,
                );
                if (view.file !== f.name)
                  t.failures.push({ file: f.name, recipe: f.recipe, problem: `answered for ${view.file}` });
                if (view.error) checkRefusal(t, f.name, f.recipe, view.error);
                else t.read++;
              } catch (err) {
                t.failures.push({
                  file: f.name,
                  recipe: f.recipe,
                  problem: `threw ${(err as Error).stack ?? String(err)}`,
                });
              }
            }),
          ),
        );
      }
      for (const i of internal) t.failures.push({ file: '', recipe: null, problem: `internal failure logged: ${i}` });
      console.log(report('returns', t));
      expect(fingerprint(file)).toBe(before);
      expect(t.failures).toEqual([]);
      // The mutations reach both sides: some files still read, some refused.
      expect(t.read).toBeGreaterThan(0);
      expect(t.refused).toBeGreaterThan(0);
      ctx.db.close();
    },
  );

  it(
    `policy documents: ${DOCUMENTS} mutated files are read or refused by name, and nothing is written`,
    { timeout: 600_000 },
    async () => {
      const { ctx, file } = freshLedger({ demo: true });
      const bases = documentBases();
      const recipes = fc.sample(documentRecipe(bases.length), { seed: SEED, numRuns: DOCUMENTS });
      const internal: string[] = [];
      const t = tally();
      const before = fingerprint(file);
      const log = (level: string, message: string, detail?: unknown) =>
        level === 'error' && internal.push(`${message}: ${String(detail).slice(0, 300)}`);
      await withReaders({ limits: LIMITS, log }, async (readers) => {
        for (const [k, recipe] of recipes.entries()) {
          const built = await buildDocument(recipe, bases);
          const name = `${k}_${built.name}`;
          t.tried++;
          try {
            // As 'documents:analyze' does.
            await reviewDocument(ctx, name, built.data, readers.readDocumentFile);
            t.read++;
          } catch (err) {
            if (err instanceof DomainError) checkRefusal(t, name, recipe, err.toData());
            else t.failures.push({ file: name, recipe, problem: `threw ${(err as Error).stack ?? String(err)}` });
          }
        }
      });
      for (const i of internal) t.failures.push({ file: '', recipe: null, problem: `internal failure logged: ${i}` });
      console.log(report('documents', t));
      expect(fingerprint(file)).toBe(before);
      expect(t.failures).toEqual([]);
      expect(t.read).toBeGreaterThan(0);
      expect(t.refused).toBeGreaterThan(0);
      ctx.db.close();
    },
  );
});
