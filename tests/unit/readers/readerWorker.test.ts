// The reader worker's own limits, the last defence when a reader misbehaves: a file that runs past
// the time limit or needs more memory than the worker may use is stopped, refused by name with the
// limit, and the next file of the batch is read by a fresh worker.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { readerLedger, withReaders } from '../../../electron/services/readers/readers';
import { freshLedger } from '../ledger/helpers';
import { docxOf, minimalXlsx, paragraphsXml } from './hostileFiles';

const TODAY = '2026-10-05';
/** The real worker, except that a file named hang… spins forever. */
const HANGING = path.join(__dirname, 'hangingWorker.cjs');

describe('the reader worker', () => {
  it('stops a file that runs past the time limit, names it and the limit, and reads the rest of the batch', async () => {
    const { ctx } = freshLedger({ demo: true });
    const snap = readLedgerSnapshot(ctx);
    const items = snap.tasks
      .filter((t) => t.level === 'item')
      .slice(0, 3)
      .map((t) => t.content);
    const logged: string[] = [];
    await withReaders(
      {
        ledger: readerLedger(snap),
        limits: { timeoutMs: 5000 },
        workerScript: HANGING,
        log: (_, message) => logged.push(message),
      },
      async (readers) => {
        const options = { referenceDate: TODAY };
        const before = await readers.analyzeReturn('城南乡.xlsx', minimalXlsx(items), options);
        const hung = await readers.analyzeReturn('hang_沙溪镇.xlsx', minimalXlsx(items), options);
        const after = await readers.analyzeReturn('城南乡.xlsx', minimalXlsx(items), options);
        expect(before.rows.map((r) => r.taskContent)).toEqual(items);
        expect(hung.error?.code).toBe('read_timeout');
        expect(hung.error?.message).toContain('“hang_沙溪镇.xlsx”读取超过 5 秒仍未完成，已停止读取');
        expect(hung.error?.message).toContain('其他文件不受影响');
        // Read by a fresh worker, which was sent the ledger again.
        expect(after.rows).toEqual(before.rows);
        expect(logged).toContain('reader stopped hang_沙溪镇.xlsx: time limit 5000 ms');
      },
    );
  });

  it('stops a file that needs more memory than the worker may use, names it and the limit, and reads the next', async () => {
    // 49,000 paragraphs in one table cell: within the paragraph limit, but mammoth needs several hundred MB for it.
    const paragraphs = Array.from({ length: 49_000 }, (_, i) => `第${i}段，推进工作`);
    const heavy = docxOf({ bodyXml: `<w:tbl><w:tr><w:tc>${paragraphsXml(paragraphs)}</w:tc></w:tr></w:tbl>` });
    const plan = fs.readFileSync(path.resolve(__dirname, '../../fixtures/documents/ordos-capacity-plan.txt'));
    await withReaders({ limits: { heapMb: 96 } }, async (readers) => {
      await expect(readers.readDocument('很长的方案.docx', heavy, [])).rejects.toMatchObject({
        code: 'read_memory',
        message: expect.stringContaining('“很长的方案.docx”读取所需内存超过上限 96 MB，已停止读取'),
      });
      const after = await readers.readDocument('实施方案.txt', plan, []);
      expect(after.tasks.length).toBeGreaterThan(10);
    });
  });
});
