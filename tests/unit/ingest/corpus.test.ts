// The document reader on the corpus of issue 12 (tests/fixtures/documents/corpus): every document is
// read and scored against its gold answer, one line per document and an overall line. No score
// thresholds yet — the reader is being made general; the figures are printed for the report. What is
// asserted: every gold is well formed, the reader does not throw on .txt/.docx, a .doc/.pdf it cannot
// read yet is refused with a Chinese message (scored as nothing found), and a scan is refused.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument, type IngestResult } from '../../../electron/services/ingest';
import { formatScore, formatTotals, listCorpus, orphanGolds, scoreDocument, sumScores, type DocScore } from './corpusScore';

const corpus = listCorpus();
const CJK = /[\u4e00-\u9fff]/;
/** A gold may leave tasks without a lead only when its notes say the document names none. */
const NAMES_NO_LEAD = /names no (lead|unit)|未(明确|列明|写明|注明)(牵头|责任)单位/i;

const scores: DocScore[] = [];
const lines: string[] = [];

describe('document corpus (issue 12)', () => {
  it('has at least 12 documents of every format, each with a well-formed gold', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(12);
    expect(orphanGolds()).toEqual([]);
    const exts = corpus.map((c) => extname(c.file));
    expect(exts.filter((e) => e === '.docx').length).toBeGreaterThanOrEqual(3);
    expect(exts.filter((e) => e === '.txt').length).toBeGreaterThanOrEqual(6);
    expect(exts).toContain('.doc');
    expect(corpus.some((c) => extname(c.file) === '.pdf' && !c.gold.expectRefusal)).toBe(true);
    for (const { file, gold } of corpus) {
      expect(gold.document, file).toMatchObject({ title: expect.any(String), docNumber: expect.any(String), issuer: expect.any(String) });
      expect(gold.document.title, file).not.toBe('');
      expect(gold.document.issuedOn === null || /^\d{4}-\d{2}-\d{2}$/.test(gold.document.issuedOn), file).toBe(true);
      expect(typeof gold.notes, file).toBe('string');
      if (gold.expectRefusal) continue;
      expect(gold.tasks.length, file).toBeGreaterThan(0);
      for (const t of gold.tasks) {
        const where = `${file}: ${t.number}${t.title}`;
        expect(t.title.trim(), where).not.toBe('');
        expect(t.content.trim() || t.title.trim(), where).not.toBe('');
        expect(Array.isArray(t.path) && Array.isArray(t.leadUnits) && Array.isArray(t.coUnits), where).toBe(true);
        expect(typeof t.number === 'string' && typeof t.deadlineText === 'string', where).toBe(true);
        if (!NAMES_NO_LEAD.test(gold.notes)) expect(t.leadUnits.length, where).toBeGreaterThan(0);
        for (const u of [...t.leadUnits, ...t.coUnits]) expect(u.trim(), where).toBe(u);
        expect(t.leadUnits.filter((u) => t.coUnits.includes(u)), where).toEqual([]);
      }
    }
  });

  it.each(corpus.map((c) => [c.file, c] as const))('reads %s', async (file, { path, gold }) => {
    const data = readFileSync(path);
    if (gold.expectRefusal) {
      const error = await ingestDocument(file, data).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error, `${file} must be refused`).toBeInstanceOf(Error);
      expect(error!.message).toMatch(CJK);
      lines.push(`${file.padEnd(36)} refused as expected: ${error!.message.slice(0, 60)}…`);
      return;
    }
    let result: IngestResult | null = null;
    let unreadable: string | undefined;
    try {
      result = await ingestDocument(file, data);
    } catch (e) {
      // .doc and .pdf may not be readable yet: then they count as nothing found, but the refusal must
      // be a message the clerk can read. Any failure on .txt/.docx is a bug.
      if (!['.doc', '.pdf'].includes(extname(file))) throw e;
      unreadable = (e as Error).message;
      expect(unreadable).toMatch(CJK);
    }
    const s = scoreDocument(file, gold, result, unreadable);
    scores.push(s);
    lines.push(formatScore(s));
  });

  it('prints the scores per document and overall', () => {
    expect(scores.length).toBe(corpus.filter((c) => !c.gold.expectRefusal).length);
    console.log(`\nCorpus scores (issue 12)\n${lines.join('\n')}\n${formatTotals(sumScores(scores))}\n`);
  });
});
