// Files stay in main: returns and documents read from their paths, previews held under a token (bounded by
// count, bytes and age, per ledger), re-read and committed by token, and a path that is gone named in Chinese.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { heldPreviews } from '../../../electron/handlers/returns';
import { reopenLedger } from '../../../electron/openAppLedger';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { HeldPreviews, type HoldRequest } from '../../../electron/services/returns/heldPreviews';
import type { ReturnFileView } from '../../../shared/channels/returns';
import { initialReview, rowsToWrite } from '../../../renderer/src/pages/import/returnReview';
import { demoApp, tempDir } from '../ledger/helpers';

const township = (name: string) => path.resolve(__dirname, '../../fixtures/township', name);

function request(fileName: string, bytes = 10): HoldRequest {
  return {
    fileName,
    path: `/in/${fileName}`,
    data: Buffer.alloc(bytes),
    roundId: 1,
    view: { file: fileName } as ReturnFileView,
  };
}

describe('held previews', () => {
  it('hold, get, update and release, counting files and bytes', () => {
    const held = new HeldPreviews();
    const a = held.hold(request('甲.xlsx', 100));
    const b = held.hold(request('乙.xlsx', 50));
    expect(a).not.toBe(b);
    expect([held.count, held.totalBytes]).toEqual([2, 150]);
    held.update(a, {
      roundId: 2,
      unitId: 7,
      overrides: { 表: { headerRow: 3 } },
      view: { file: '甲.xlsx' } as ReturnFileView,
    });
    expect(held.get(a)).toMatchObject({ roundId: 2, unitId: 7, overrides: { 表: { headerRow: 3 } } });
    expect(held.release([a, a, 'nothing'])).toBe(1);
    expect([held.count, held.totalBytes]).toEqual([1, 50]);
    expect(() => held.get(a)).toThrow(/“甲.xlsx”的预览已过期或已被清除/);
    expect(() => held.get('never-held')).toThrow(/该文件的预览已过期或已被清除/);
  });

  it('lets a preview go after hours unused, counted from its last use', () => {
    let now = 0;
    const held = new HeldPreviews({ maxFiles: 10, maxBytes: 1000, maxAgeMs: 1000 }, () => now);
    const a = held.hold(request('甲.xlsx'));
    const b = held.hold(request('乙.xlsx'));
    now = 900;
    held.get(a);
    now = 1500;
    expect(held.get(a).fileName).toBe('甲.xlsx');
    expect(() => held.get(b)).toThrow(expect.objectContaining({ code: 'preview_expired' }));
    expect(() => held.get(b)).toThrow(/“乙.xlsx”/);
    expect(held.count).toBe(1);
  });

  it('keeps within its count and bytes, letting the least recently used go first', () => {
    const held = new HeldPreviews({ maxFiles: 3, maxBytes: 100, maxAgeMs: 1e9 });
    const [a, b, c] = ['甲', '乙', '丙'].map((n) => held.hold(request(`${n}.xlsx`, 20)));
    held.get(a!);
    const d = held.hold(request('丁.xlsx', 20));
    expect(held.count).toBe(3);
    expect(() => held.get(b!)).toThrow(/乙.xlsx/);
    held.hold(request('戊.xlsx', 70));
    // 110 bytes with 丙: it goes (the oldest now), then 甲; 丁 and 戊 make 90.
    expect(held.totalBytes).toBe(90);
    expect(() => held.get(c!)).toThrow(/丙.xlsx/);
    expect(held.get(d).fileName).toBe('丁.xlsx');
  });
});

describe('returns read from their paths and committed by token', () => {
  const roundOf = (app: ReturnType<typeof demoApp>) => readLedgerSnapshot(app.ledger).rounds.find((r) => !r.closed)!;
  const copy = (name: string) => {
    const file = path.join(tempDir(), name);
    fs.copyFileSync(township(name), file);
    return file;
  };

  it('analyze holds the file: it is re-read and committed by token after the file is gone, then let go', async () => {
    const app = demoApp();
    const round = roundOf(app);
    const file = copy('沙溪镇_2024年二季度推进情况.xlsx');
    const analyzed = await dispatch(app, 'returns:analyze', { roundId: round.id, paths: [file] });
    expect(analyzed.ok).toBe(true);
    const [view] = (analyzed as { data: ReturnFileView[] }).data;
    expect(view!.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(heldPreviews(app).count).toBe(1);
    fs.rmSync(file);

    const again = await dispatch(app, 'returns:reanalyze', { token: view!.token!, roundId: round.id });
    expect(again).toMatchObject({ ok: true, data: { token: view!.token, file: view!.file } });
    const reread = (again as { data: ReturnFileView }).data;
    expect(reread.rows.map((r) => r.progress)).toEqual(view!.rows.map((r) => r.progress));

    const rows = rowsToWrite({ ...initialReview(reread), roundConfirmed: true });
    expect(rows.length).toBe(7);
    const before = readLedgerSnapshot(app.ledger).reports.length;
    const committed = await dispatch(app, 'returns:commit', {
      roundId: round.id,
      files: [{ token: view!.token!, rows }],
    });
    expect(committed).toMatchObject({ ok: true, data: { rows: 7 } });
    expect(readLedgerSnapshot(app.ledger).reports.length).toBe(before + 7);
    // The report is the one main read, not anything the page could send.
    const written = readLedgerSnapshot(app.ledger).reports.find(
      (r) => r.taskId === rows[0]!.taskId && r.unitId === view!.unitId,
    );
    expect(written?.progress).toBe(reread.rows.find((r) => r.row === rows[0]!.row)!.progress);
    expect(heldPreviews(app).count).toBe(0);

    const twice = await dispatch(app, 'returns:commit', { roundId: round.id, files: [{ token: view!.token!, rows }] });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'preview_expired', message: expect.stringContaining('“沙溪镇_2024年二季度推进情况.xlsx”') },
    });
    expect(app.errors).toEqual([]);
  });

  it('a corrected layout is re-read by token, and kept with the file when the round is switched', async () => {
    const app = demoApp();
    const round = roundOf(app);
    const [view] = (
      (await dispatch(app, 'returns:analyze', { roundId: round.id, paths: [copy('回山镇_推进情况.xlsx')] })) as {
        data: ReturnFileView[];
      }
    ).data;
    const sheet = view!.sheets[0]!;
    const corrected = await dispatch(app, 'returns:reanalyze', {
      token: view!.token!,
      roundId: round.id,
      overrides: { [sheet.name]: { headerRow: sheet.headerRow } },
    });
    expect(corrected.ok).toBe(true);
    const sheetOf = (v: ReturnFileView) => v.sheets.find((x) => x.name === sheet.name)!;
    expect(sheetOf((corrected as { data: ReturnFileView }).data).source).toBe('clerk');
    // Switching round keeps the clerk's correction held with the file.
    const kept = (await dispatch(app, 'returns:reanalyze', { token: view!.token!, roundId: round.id })) as {
      data: ReturnFileView;
    };
    expect(sheetOf(kept.data).source).toBe('clerk');
  });

  it('a path that is gone, a file too big, one of another type: each named, the rest of the batch read', async () => {
    const app = demoApp();
    const round = roundOf(app);
    const dir = tempDir();
    const gone = path.join(dir, '城南乡_推进情况.xlsx');
    const big = path.join(dir, '大文件.xlsx');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 25 * 1024 * 1024);
    const slides = path.join(dir, '汇报.pptx');
    fs.writeFileSync(slides, 'x');
    const result = await dispatch(app, 'returns:analyze', {
      roundId: round.id,
      paths: [gone, copy('沙溪镇_2024年二季度推进情况.xlsx'), big, slides],
    });
    const views = (result as { data: ReturnFileView[] }).data;
    expect(views.map((v) => [v.file, v.error?.code ?? 'read', v.token === null])).toEqual([
      ['城南乡_推进情况.xlsx', 'file_missing', true],
      ['沙溪镇_2024年二季度推进情况.xlsx', 'read', false],
      ['大文件.xlsx', 'file_too_large', true],
      ['汇报.pptx', 'file_type_unsupported', true],
    ]);
    expect(views[0]!.error!.message).toContain('找不到文件“城南乡_推进情况.xlsx”');
    expect(views[2]!.error!.message).toContain('上限 20 MB');
    expect(heldPreviews(app).count).toBe(1);

    const doc = await dispatch(app, 'documents:analyze', { path: path.join(dir, '已删除的方案.docx') });
    expect(doc).toMatchObject({
      ok: false,
      error: { code: 'file_missing', message: expect.stringContaining('“已删除的方案.docx”') },
    });
    const relative = await dispatch(app, 'documents:analyze', { path: '方案.docx' });
    expect(relative).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('文件位置不完整') },
    });
    expect(app.errors).toEqual([]);
  });

  it('a commit naming another round, or a row not in the preview, is refused and the preview kept', async () => {
    const app = demoApp();
    const round = roundOf(app);
    const other = { id: round.id + 1000 };
    const [view] = (
      (await dispatch(app, 'returns:analyze', {
        roundId: round.id,
        paths: [copy('沙溪镇_2024年二季度推进情况.xlsx')],
      })) as {
        data: ReturnFileView[];
      }
    ).data;
    const rows = rowsToWrite({ ...initialReview(view!), roundConfirmed: true });
    const token = view!.token!;
    expect(await dispatch(app, 'returns:commit', { roundId: other.id, files: [{ token, rows }] })).toMatchObject({
      ok: false,
      error: { code: 'preview_stale' },
    });
    const made = { sheet: rows[0]!.sheet, row: 9999, taskId: rows[0]!.taskId, overwrite: false };
    expect(
      await dispatch(app, 'returns:commit', { roundId: round.id, files: [{ token, rows: [made] }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'preview_row_missing', message: expect.stringContaining('第 9999 行不在预览中') },
    });
    expect(heldPreviews(app).count).toBe(1);
    expect(await dispatch(app, 'returns:release', { tokens: [token] })).toEqual({ ok: true, data: { released: 1 } });
    expect(heldPreviews(app).count).toBe(0);
  });

  it('switching the ledger lets go of its previews', async () => {
    const app = demoApp();
    const round = roundOf(app);
    const [view] = (
      (await dispatch(app, 'returns:analyze', { roundId: round.id, paths: [copy('回山镇_推进情况.xlsx')] })) as {
        data: ReturnFileView[];
      }
    ).data;
    const before = heldPreviews(app);
    expect(before.count).toBe(1);
    reopenLedger(app);
    expect(before.count).toBe(0);
    expect(await dispatch(app, 'returns:reanalyze', { token: view!.token!, roundId: round.id })).toMatchObject({
      ok: false,
      error: { code: 'preview_expired' },
    });
  });
});
