// `duban` run as a clerk or IT would: demo and summary, ingest, export and import returns, errors in Chinese.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const bin = path.resolve(__dirname, '../../../electron/cli/duban.cjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('duban CLI', () => {
  it('creates a demo ledger and summarises it as JSON', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const made = run('demo', '--db', db);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('已创建演示台账');
    const out = execFileSync(process.execPath, [bin, 'summary', '--db', db, '--json', '--today', '2026-11-23'], {
      encoding: 'utf8',
    });
    const summary = JSON.parse(out);
    expect(summary.items).toBe(45);
    expect(summary.units).toBe(38);
    expect(summary.groups).toBe(1);
    // 2026-06-30 deadlines not yet done are overdue on 2026-11-23.
    expect(summary.overdue).toBeGreaterThan(0);
    expect(summary.overdueItems.every((o: { deadline: string }) => o.deadline === '2026年6月底前')).toBe(true);
    const text = run('summary', '--db', db, '--today', '2026-11-23');
    expect(text.stdout).toContain('45 项工作内容');
  });

  it('will not overwrite an existing ledger with the demo', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    expect(run('demo', '--db', db).status).toBe(0);
    const again = run('demo', '--db', db);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('演示数据不会覆盖');
  });

  it('fails with a Chinese message on bad input', () => {
    const dir = tempDir();
    const missing = run('summary', '--db', path.join(dir, 'none.sqlite'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('找不到台账文件');

    const text = path.join(dir, 'readme.sqlite');
    fs.writeFileSync(text, 'hello '.repeat(1000));
    const notLedger = run('summary', '--db', text);
    expect(notLedger.status).not.toBe(0);
    expect(notLedger.stderr).toContain('不是督办台账文件');

    const newer = path.join(dir, 'newer.sqlite');
    expect(run('demo', '--db', newer).status).toBe(0);
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    const tooNew = run('summary', '--db', newer);
    expect(tooNew.status).not.toBe(0);
    expect(tooNew.stderr).toContain('更新版本的督办台账');

    const noDb = run('summary');
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toContain('缺少 --db 参数');
    const unknown = run('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('未知命令');
  });
});

describe('duban ingest', () => {
  const doc = (name: string) => path.resolve(__dirname, '../../fixtures/documents', name);

  it('--dry-run --json prints the contract and writes nothing, even without a ledger file', () => {
    const db = path.join(tempDir(), 'none.sqlite');
    const out = run('ingest', '--db', db, '--dry-run', '--json', doc('wenshui-measures-2023-57.docx'));
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.document).toEqual({
      title: expect.stringContaining('若干措施'),
      docNumber: '文卫体字〔2023〕57号',
      issuer: '文水县卫生健康和体育局',
      issuedOn: '2023-11-10',
    });
    expect(Object.keys(json.tasks[0]).sort()).toEqual([
      'coUnits',
      'content',
      'deadline',
      'deadlineText',
      'leadUnits',
      'number',
      'path',
      'recurrence',
      'targets',
      'title',
    ]);
    expect(json.groups[0].members[0]).toEqual({
      role: '组长',
      person: '张国强',
      post: '县卫生健康和体育局局长',
      unit: '县卫生健康和体育局',
    });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('without --dry-run writes the document into the ledger', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const out = run('ingest', '--db', db, doc('xinchang-reform-plan.txt'));
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('已写入台账');
    const summary = JSON.parse(run('summary', '--db', db, '--json').stdout);
    expect(summary.items).toBeGreaterThanOrEqual(45);
    expect(summary.groups).toBe(1);
  });

  it('refuses a broken .pdf by name, and names a missing file', () => {
    const dir = tempDir();
    const pdf = path.join(dir, '方案.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4 test');
    const refused = run('ingest', '--db', path.join(dir, 'x.sqlite'), '--dry-run', '--json', pdf);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/方案\.pdf.*损坏或不完整/);
    const missing = run('ingest', '--db', path.join(dir, 'x.sqlite'), '--dry-run', path.join(dir, '没有.docx'));
    expect(missing.stderr).toContain('找不到文件');
  });
});

describe('duban export', () => {
  it('writes a task list and a fill-in template that open in a second reader; bad arguments fail in Chinese', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.sqlite');
    expect(run('demo', '--db', db).status).toBe(0);
    const list = path.join(dir, '清单.xlsx');
    expect(run('export', 'tasks', '--db', db, '--out', list, '--unit', '县财政局').status).toBe(0);
    const XLSX = await import('@e965/xlsx');
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(fs.readFileSync(list)).Sheets['重点任务清单']!, {
      header: 1,
    });
    expect(rows.flat().filter((c) => typeof c === 'string' && c.includes('县财政局')).length).toBeGreaterThan(3);
    const template = path.join(dir, '模板.xlsx');
    expect(
      run('export', 'template', '--db', db, '--unit', '沙溪镇', '--round', '2026年第三季度调度', '--out', template)
        .status,
    ).toBe(0);
    const templateBook = XLSX.read(fs.readFileSync(template));
    // The record of what was exported is there but very hidden: a township never sees it as a sheet.
    expect(templateBook.SheetNames).toEqual(['推进情况填报', '督办台账模板记录']);
    expect(templateBook.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([0, 2]);

    const badRound = run(
      'export',
      'template',
      '--db',
      db,
      '--unit',
      '沙溪镇',
      '--round',
      '没有这一轮',
      '--out',
      template,
    );
    expect(badRound.status).not.toBe(0);
    expect(badRound.stderr).toContain('找不到调度轮次“没有这一轮”');
    const badUnit = run('export', 'tasks', '--db', db, '--out', list, '--unit', '县教育局');
    expect(badUnit.stderr).toContain('找不到单位“县教育局”');
    expect(run('export', 'frobnicate', '--db', db, '--out', list).stderr).toContain('未知的导出类型');
    const roster = path.join(dir, '名单.xlsx');
    expect(
      run('export', 'roster', '--db', db, '--group', '新昌县深化基层卫生健康综合改革领导小组', '--out', roster).status,
    ).toBe(0);
    expect(XLSX.read(fs.readFileSync(roster)).SheetNames).toEqual(['领导小组名单']);
    expect(run('export', 'roster', '--db', db, '--group', '不存在', '--out', roster).stderr).toContain(
      '找不到领导小组“不存在”',
    );
    const bulletin = path.join(dir, '通报.xlsx');
    expect(run('export', 'bulletin', '--db', db, '--round', '2026年第三季度调度', '--out', bulletin).status).toBe(0);
    expect(XLSX.read(fs.readFileSync(bulletin)).SheetNames).toEqual(['调度通报', '催办清单']);
  });
});

describe('duban import returns', () => {
  const township = (name: string) => path.resolve(__dirname, '../../fixtures/township', name);

  it('--dry-run --json prints the contract per file and writes nothing; bad files are named and skipped', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    expect(run('demo', '--db', db).status).toBe(0);
    const before = JSON.parse(run('summary', '--db', db, '--json').stdout).reports;
    const out = run(
      'import',
      'returns',
      '--db',
      db,
      '--dry-run',
      '--json',
      township('儒岙镇_推进情况.csv'),
      township('伪装_文本.xlsx'),
    );
    expect(out.status).toBe(1);
    const json = JSON.parse(out.stdout);
    expect(json.files[0]).toMatchObject({ file: '儒岙镇_推进情况.csv', unit: '儒岙镇', error: null });
    expect(Object.keys(json.files[0].rows[0]).sort()).toEqual(
      [
        ...[
          'deadline',
          'deadlineText',
          'method',
          'nextSteps',
          'percent',
          'problems',
          'progress',
          'row',
          'score',
          'sheet',
          'status',
          'taskContent',
          'taskId',
          'warnings',
        ],
        ...['outcome', 'conflict', 'lockedEdits', 'before'],
      ].sort(),
    );
    // `status` stays the report's 状态; what the import does is `outcome`.
    expect(json.files[0].rows[0]).toMatchObject({
      row: 2,
      percent: 100,
      deadline: '2024-06-30',
      deadlineText: '2024年6月底',
      status: '已完成',
      outcome: 'apply',
    });
    expect(json.files[0].warnings).toEqual(expect.any(Array));
    expect(json.files[1].error.message).toContain('伪装_文本.xlsx');
    expect(JSON.parse(run('summary', '--db', db, '--json').stdout).reports).toBe(before);
  });

  it('without --dry-run writes the good files into the latest open round', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    expect(run('demo', '--db', db).status).toBe(0);
    const dry = JSON.parse(
      run('import', 'returns', '--db', db, '--dry-run', '--json', township('沙溪镇_2024年二季度推进情况.xlsx')).stdout,
    );
    const outcomes = dry.files[0].rows.map((r: { outcome: string }) => r.outcome);
    // The demo round already holds a different report from 沙溪镇 on one item: that row waits for the clerk.
    expect(outcomes.filter((o: string) => o === 'apply')).toHaveLength(7);
    expect(outcomes.filter((o: string) => o === 'conflict')).toHaveLength(1);
    expect(dry.files[0].warnings.join('')).toContain('文件名写的是“2024年二季度”，与所选轮次“2026年第三季度调度”');
    const out = run('import', 'returns', '--db', db, township('沙溪镇_2024年二季度推进情况.xlsx'));
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('已写入“2026年第三季度调度”：7 条，1 个导入记录');
    expect(out.stdout).toContain('待人工选择 1 条');
    expect(JSON.parse(run('summary', '--db', db, '--json').stdout).reports).toBe(10 + 7);
  });
});
