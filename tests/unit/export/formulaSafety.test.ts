// What a clerk or a township typed is never run as a formula by whoever opens the export
// (=HYPERLINK(…), =cmd|…, +/-/@ tricks), in any of the five exports, in Excel's eyes or SheetJS's.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildBulletinWorkbook } from '../../../electron/services/excel/bulletinWorkbook';
import { buildFillTemplateWorkbook } from '../../../electron/services/excel/fillTemplateWorkbook';
import { buildRosterWorkbook } from '../../../electron/services/excel/rosterWorkbook';
import { buildTaskListWorkbook } from '../../../electron/services/excel/taskListWorkbook';
import { buildUnitDispatchWorkbook } from '../../../electron/services/excel/unitDispatchWorkbook';
import type { LedgerSnapshot } from '../../../shared/domain';
import { goldSnapshot, TODAY, unitNamed } from './goldSnapshot';
import { packagePart, writeAndReadBack } from './helpers';

const TRAPS = [
  '=HYPERLINK("http://evil.example","点我")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  "=cmd|' /C calc'!A0",
];
/** XML turns a bare CR into a line feed when the file is read: the text is kept, the line break changes kind. */
const readBack = (trap: string) => trap.replace(/\r/g, '\n');

/** The gold ledger with formula-looking text in every field a person types. */
function trappedSnapshot(): LedgerSnapshot {
  const snap = goldSnapshot({
    patch: {
      4: { content: TRAPS[0], notes: TRAPS[6] },
      7: { content: TRAPS[1] },
      8: { content: TRAPS[2] },
      9: { content: TRAPS[3] },
      // 6 and 12 are overdue: they reach the 催办 list.
      6: { content: TRAPS[4] },
      12: { content: TRAPS[5] },
    },
  });
  const township = unitNamed(snap, '沙溪镇');
  const report = snap.reports.find((r) => r.unitId === township.id)!;
  report.progress = '=1+1';
  report.problems = '@A1';
  report.nextSteps = '-下月完成';
  snap.members[0]!.personName = '=张伟';
  snap.members[0]!.post = '+县政府副县长';
  snap.duties[1]!.duty = '=负责落实投入保障';
  return snap;
}

async function assertNoFormula(book: ExcelJS.Workbook): Promise<string[]> {
  const { book: back, sheetJs, file } = await writeAndReadBack(book);
  const strings: string[] = [];
  // Text format (@) is numFmtId 49 in styles.xml: the styles that carry it, by index.
  const styles = packagePart(file, 'xl/styles.xml');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf [^>]*>/g)!;
  const textStyles = new Set(xfs.flatMap((xf, i) => (/numFmtId="49"/.test(xf) ? [i] : [])));
  back.worksheets.forEach((sheet, i) => {
    // Excel's own view: no <f> element anywhere in the sheet XML.
    const xml = packagePart(file, `xl/worksheets/sheet${i + 1}.xml`);
    expect(xml).not.toMatch(/<f[ >]/);
    const styleOf = new Map(
      [...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)].map((m) => [m[1], Number(m[2] ?? 0)]),
    );
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') strings.push(cell.value);
        // Re-entered in Excel/WPS (F2, Enter), formula-looking text must stay text: the cell is formatted as Text.
        if (typeof cell.value === 'string' && /^\s*[=+\-@]/.test(cell.value) && !cell.isMerged) {
          expect(
            textStyles.has(styleOf.get(cell.address) ?? 0),
            `${sheet.name}!${cell.address} “${cell.value}” is not formatted as Text`,
          ).toBe(true);
        }
      }),
    );
  });
  for (const name of sheetJs.SheetNames) {
    const ws = sheetJs.Sheets[name]!;
    for (const [addr, cell] of Object.entries(ws)) {
      if (addr.startsWith('!')) continue;
      expect((cell as { f?: string }).f, `${name}!${addr}`).toBeUndefined();
    }
  }
  return strings;
}

describe('no formula from user text', () => {
  it('重点任务清单 (with 备注) keeps each trap as the exact text typed, and 序号 as numbers', async () => {
    const book = buildTaskListWorkbook(trappedSnapshot(), {
      title: '清单',
      columns: ['序号', '工作内容', '备注', '状态'],
      today: TODAY,
    });
    const strings = await assertNoFormula(book);
    for (const trap of TRAPS) expect(strings).toContain(readBack(trap));
    const back = (await writeAndReadBack(book)).book.worksheets[0]!;
    const numbers: unknown[] = [];
    back.getColumn(1).eachCell((c) => typeof c.value === 'number' && numbers.push(c.value));
    expect(numbers).toHaveLength(45);
  });

  it('按单位分发, 填报模板, 领导小组名单 and 调度通报 never write a formula either', async () => {
    const snap = trappedSnapshot();
    const township = unitNamed(snap, '沙溪镇');
    const dispatch = await assertNoFormula(
      buildUnitDispatchWorkbook(snap, [township, unitNamed(snap, '县卫生健康局')], {
        today: TODAY,
        columns: ['工作内容', '备注'],
      }),
    );
    expect(dispatch).toContain(TRAPS[0]);
    const template = await assertNoFormula(
      buildFillTemplateWorkbook(snap, { unit: township, round: snap.rounds[0]!, today: TODAY }),
    );
    expect(template).toEqual(expect.arrayContaining([TRAPS[0], '=1+1', '@A1', '-下月完成']));
    const roster = await assertNoFormula(buildRosterWorkbook(snap, snap.groups[0]!.id));
    expect(roster.join('\n')).toContain('=张伟');
    expect(roster).toContain('县财政局：=负责落实投入保障');
    const bulletin = await assertNoFormula(buildBulletinWorkbook(snap, snap.rounds[0]!.id, TODAY));
    expect(bulletin).toEqual(expect.arrayContaining([TRAPS[4], readBack(TRAPS[5]!)]));
  });

  it('keeps the 完成进度 a township reported as a number', async () => {
    const snap = trappedSnapshot();
    const { book } = await writeAndReadBack(
      buildFillTemplateWorkbook(snap, { unit: unitNamed(snap, '沙溪镇'), round: snap.rounds[0]!, today: TODAY }),
    );
    const numbers: unknown[] = [];
    book.worksheets[0]!.eachRow(
      (row, n) =>
        n > 6 &&
        typeof row.getCell(1).value === 'number' &&
        row.getCell(8).value != null &&
        numbers.push(row.getCell(8).value),
    );
    expect(numbers).toEqual([60]);
  });
});
