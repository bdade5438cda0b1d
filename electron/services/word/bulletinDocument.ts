// 调度通报 as a 公文 in Word (GB/T 9704 look): the round's numbers in an opening paragraph, a table per lead
// unit with a 合计 row, who has not reported, the clerk's 存在问题 and 下步工作要求, the signature, and the
// 催办清单 as its 附件. Written with `docx` (pure JS, kept up to date, writes real Word XML: styles, tables,
// footers with page fields) — exceljs cannot write Word and a hand-written document.xml would not be kept.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatChineseDate } from '../../../shared/chineseDate';
import { collectiveCovers } from '../../../shared/collectives';
import { TASK_STATUSES, type LedgerSnapshot, type TaskStatus } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { unitsReportedIn } from '../../../shared/reportFields';
import type { GridRow } from '../../../shared/taskListRows';
import { taskListRows } from '../excel/taskListWorkbook';

import type { BulletinTexts } from '../../../shared/channels/exports';

export type { BulletinTexts };

export interface LeadUnitLine {
  unit: string;
  total: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  /** (已完成 + 已销号) / total, as a percent rounded to one decimal. */
  completionRate: number;
}

export interface ChaseLine {
  leads: string;
  content: string;
  deadline: string;
  /** Co-units; a collective is named by the townships in it that have not reported this round. */
  coUnits: string;
  status: string;
}

/** The numbers the bulletin states, computed once so the tests can check them against the ledger. */
export interface BulletinFacts {
  title: string;
  date: string;
  expected: string[];
  reported: string[];
  notReported: string[];
  items: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  completionRate: number;
  leads: LeadUnitLine[];
  total: LeadUnitLine;
  chase: ChaseLine[];
}

const rate = (done: number, total: number) => (total ? Math.round((done / total) * 1000) / 10 : 0);
const doneOf = (byStatus: Record<TaskStatus, number>) => byStatus['已完成'] + byStatus['已销号'];
const zeroStatus = (): Record<TaskStatus, number> =>
  Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;

function line(unit: string, rows: GridRow[]): LeadUnitLine {
  const byStatus = zeroStatus();
  for (const r of rows) byStatus[r.node.status] += 1;
  return {
    unit,
    total: rows.length,
    byStatus,
    overdue: rows.filter((r) => r.warning === 'red').length,
    completionRate: rate(doneOf(byStatus), rows.length),
  };
}

export function bulletinFacts(snap: LedgerSnapshot, roundId: number, today: string): BulletinFacts {
  const round = snap.rounds.find((r) => r.id === roundId);
  if (!round) throw new DomainError('round_not_found', '所选调度轮次已不存在，请刷新后重新选择。');
  const rows = taskListRows(snap, { today }).filter((r) => r.kind === 'item');
  const byId = new Map(snap.units.map((u) => [u.id, u]));
  const expectedIds = snap.roundUnits.filter((ru) => ru.roundId === roundId).map((ru) => ru.unitId);
  const reportedIds = unitsReportedIn(snap.reports, roundId);
  const name = (id: number) => byId.get(id)?.name ?? '';
  const notReportedIds = expectedIds.filter((id) => !reportedIds.has(id));

  const leadUnits = snap.units.filter((u) => rows.some((r) => r.node.leadUnitIds.includes(u.id)));
  const leads = leadUnits.map((u) =>
    line(
      u.name,
      rows.filter((r) => r.node.leadUnitIds.includes(u.id)),
    ),
  );
  const total = line('合计', rows);

  // A collective co-unit stands for its townships: the chase list names those that have not reported.
  const coNames = (ids: number[]) =>
    ids
      .flatMap((id) => {
        const unit = byId.get(id);
        if (!unit) return [];
        if (unit.kind !== 'collective') return [unit.name];
        const late = notReportedIds.map((n) => byId.get(n)).filter((u) => u && collectiveCovers(unit, u));
        return late.length ? late.map((u) => u!.name) : [unit.name];
      })
      .filter((n, i, all) => all.indexOf(n) === i)
      .join('、');
  const chase = rows
    .filter((r) => r.warning === 'red')
    .map((r) => ({
      leads: r.leadNames,
      content: r.node.content || r.node.title,
      deadline: r.node.deadline.text || r.node.deadline.date || '',
      coUnits: coNames(r.node.coUnitIds),
      status: r.node.status,
    }))
    // Grouped under their lead units, in the order the units first appear.
    .sort((a, b) => a.leads.localeCompare(b.leads, 'zh-CN'));

  const title = /通报$/.test(round.name) ? round.name : `关于${round.name.replace(/调度$/, '')}重点任务推进情况的通报`;
  return {
    title,
    date: formatChineseDate(today),
    expected: expectedIds.map(name),
    reported: expectedIds.filter((id) => reportedIds.has(id)).map(name),
    notReported: notReportedIds.map(name),
    items: rows.length,
    byStatus: total.byStatus,
    overdue: total.overdue,
    completionRate: total.completionRate,
    leads,
    total,
    chase,
  };
}

// GB/T 9704: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 3号 (16 pt) 仿宋 body on a fixed
// 28 pt line, 2号 (22 pt) 小标宋 title, 黑体 level-1 and 楷体 level-2 headings, page numbers 4号 "— N —".
const MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  page: '宋体',
};
const SIZE = { title: 44, body: 32, table: 24, page: 28 };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const font = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });

const run = (text: string, face = FONTS.body, size = SIZE.body) => new TextRun({ text, font: font(face), size });
const body = (text: string) =>
  new Paragraph({
    children: [run(text)],
    spacing: LINE,
    indent: { firstLine: 2 * SIZE.body * 10 },
    alignment: AlignmentType.JUSTIFIED,
  });
const heading1 = (text: string) =>
  new Paragraph({ children: [run(text, FONTS.heading1)], spacing: LINE, indent: { firstLine: 2 * SIZE.body * 10 } });
const heading2 = (text: string) =>
  new Paragraph({ children: [run(text, FONTS.heading2)], spacing: LINE, indent: { firstLine: 2 * SIZE.body * 10 } });
const blank = () => new Paragraph({ children: [run('')], spacing: LINE });

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
function cell(text: string, opts: { bold?: boolean; width: number; left?: boolean }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: opts.left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [run(text, opts.bold ? FONTS.heading1 : FONTS.body, SIZE.table)],
      }),
    ],
  });
}

function table(headers: string[], rows: string[][], widths: number[], leftColumns: number[] = []): Table {
  const headerRow = new TableRow({
    tableHeader: true,
    children: headers.map((h, i) => cell(h, { bold: true, width: widths[i] ?? 1000 })),
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      headerRow,
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(v, { width: widths[i] ?? 1000, left: leftColumns.includes(i) })),
          }),
      ),
    ],
  });
}

/**
 * A long title is set on two balanced lines the way 公文 titles are (the break before 推进情况的通报, or
 * near the middle), not left for Word to wrap one word onto a line of its own.
 */
export function titleLines(title: string): string[] {
  if (title.length <= 20) return [title];
  const at = title.lastIndexOf('推进情况');
  const cut = at > 6 && at < title.length - 4 ? at : Math.ceil(title.length / 2);
  return [title.slice(0, cut), title.slice(cut)];
}

/** The clerk's paragraphs, one per line; a placeholder in brackets when she typed nothing. */
function clerkParagraphs(text: string, placeholder: string): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.length ? lines : [placeholder]).map(body);
}

const statusSentence = (byStatus: Record<TaskStatus, number>) =>
  TASK_STATUSES.filter((s) => byStatus[s] > 0)
    .map((s) => `${s}${byStatus[s]}项`)
    .join('、');

export function bulletinParagraphs(facts: BulletinFacts, texts: BulletinTexts): (Paragraph | Table)[] {
  const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
  const leadWidths = [2600, 900, 900, 900, 900, 1000, 900, 1000];
  const scale = TEXT_WIDTH / leadWidths.reduce((a, b) => a + b, 0);
  const out: (Paragraph | Table)[] = [
    ...titleLines(facts.title).map(
      (t) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT },
          children: [run(t, FONTS.title, SIZE.title)],
        }),
    ),
    blank(),
    new Paragraph({ children: [run('各责任单位：')], spacing: LINE }),
    body(
      `截至${facts.date}，本轮调度应报送单位${facts.expected.length}个，已报送${facts.reported.length}个，未报送${facts.notReported.length}个。` +
        `纳入督办的工作事项共${facts.items}项${facts.items ? `，其中${statusSentence(facts.byStatus)}` : ''}；逾期未完成${facts.overdue}项。现将有关情况通报如下。`,
    ),
    heading1('一、总体进展情况'),
    body(
      `全部工作事项完成率（已完成和已销号事项占比）为${facts.completionRate}%。` +
        (facts.overdue ? `逾期未完成事项${facts.overdue}项，详见附件。` : '本轮无逾期未完成事项。'),
    ),
    heading1('二、各牵头单位推进情况'),
    table(
      ['牵头单位', '事项数', '已完成', '已销号', '推进中', '未启动', '逾期', '完成率'],
      [...facts.leads, facts.total].map((l) => [
        l.unit,
        String(l.total),
        String(l.byStatus['已完成']),
        String(l.byStatus['已销号']),
        String(l.byStatus['推进中']),
        String(l.byStatus['未启动']),
        String(l.overdue),
        `${l.completionRate}%`,
      ]),
      leadWidths.map((w) => Math.floor(w * scale)),
      [0],
    ),
    heading1('三、报送情况'),
    heading2('（一）已报送单位。'),
    body(facts.reported.length ? `${facts.reported.join('、')}。` : '无。'),
    heading2('（二）未报送单位。'),
    body(
      facts.notReported.length ? `${facts.notReported.join('、')}。请以上单位尽快报送。` : '无，各单位均已按时报送。',
    ),
    heading1('四、存在问题'),
    ...clerkParagraphs(texts.problems, '（请在导出前于“调度轮次”中填写本轮发现的主要问题。）'),
    heading1('五、下步工作要求'),
    ...clerkParagraphs(texts.requirements, '（请在导出前于“调度轮次”中填写下步工作要求。）'),
    blank(),
  ];
  if (facts.chase.length) {
    out.push(
      new Paragraph({
        children: [run('附件：逾期事项催办清单')],
        spacing: LINE,
        indent: { firstLine: 2 * SIZE.body * 10 },
      }),
    );
    out.push(blank());
  }
  // GB/T 9704: the date ends four characters from the right margin; the issuer is centred above it.
  const CHAR = SIZE.body * 10;
  const dateRight = 4 * CHAR;
  const issuerRight = dateRight + Math.max(0, ((facts.date.length - texts.issuer.length) * CHAR) / 2);
  out.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: Math.round(issuerRight) },
      children: [run(texts.issuer)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: dateRight },
      children: [run(facts.date)],
    }),
  );
  if (facts.chase.length) {
    const chaseWidths = [1500, 3600, 1300, 1700, 900];
    const chaseScale = TEXT_WIDTH / chaseWidths.reduce((a, b) => a + b, 0);
    out.push(
      new Paragraph({ children: [new PageBreak(), run('附件', FONTS.heading1)], spacing: LINE }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT },
        children: [run('逾期事项催办清单', FONTS.title, SIZE.title)],
      }),
      table(
        ['牵头单位', '逾期事项', '完成时限', '配合单位', '状态'],
        facts.chase.map((c) => [c.leads, c.content, c.deadline, c.coUnits, c.status]),
        chaseWidths.map((w) => Math.floor(w * chaseScale)),
        [1, 3],
      ),
    );
  }
  return out;
}

/** The issuer the clerk gave, else the issuer most of the ledger's documents name, else a generic one. */
export function defaultIssuer(snap: LedgerSnapshot): string {
  const counts = new Map<string, number>();
  for (const d of snap.documents) if (d.issuer) counts.set(d.issuer, (counts.get(d.issuer) ?? 0) + 1);
  const health = [...counts.entries()].filter(([n]) => /卫生健康/.test(n)).sort((a, b) => b[1] - a[1])[0];
  return health?.[0] ?? '县卫生健康局';
}

export async function buildBulletinDocument(
  snap: LedgerSnapshot,
  roundId: number,
  today: string,
  texts: Partial<BulletinTexts>,
): Promise<Buffer> {
  const facts = bulletinFacts(snap, roundId, today);
  const full: BulletinTexts = {
    issuer: texts.issuer?.trim() || defaultIssuer(snap),
    problems: texts.problems ?? '',
    requirements: texts.requirements ?? '',
  };
  const doc = new Document({
    creator: '督办台账',
    title: facts.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.page), size: SIZE.page }),
                ],
              }),
            ],
          }),
        },
        children: bulletinParagraphs(facts, full),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
