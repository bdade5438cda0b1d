// Old Word (.doc), WPS (.wps) and PDF policy documents read as the clerk sees them in Word or a PDF
// viewer: paragraphs and table cells in order, page numbers gone, nothing twice; a scan, a cut-off
// download and a damaged file refused in Chinese by name. Analysis scores are corpus.test.ts's business:
// here only that tasks come out at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../electron/services/documents';
import { readDocumentBlocks } from '../../../electron/services/documents/readDocument';
import type { RawBlock, RawTable } from '../../../electron/services/documents/types';
import { Readers } from '../../../electron/services/readers/readers';
import assert from 'node:assert';

const corpus = join(__dirname, '../../fixtures/documents/corpus');
const formats = join(__dirname, '../../fixtures/documents/formats');
const file = (dir: string, name: string) => readFileSync(join(dir, name));
const squash = (s: string) => s.replace(/\s+/g, '');

const paragraphs = (blocks: RawBlock[]) => blocks.flatMap((b) => (b.kind === 'para' ? [squash(b.text)] : []));
const tables = (blocks: RawBlock[]) => blocks.filter((b): b is RawTable => b.kind === 'table');
const cellText = (t: RawTable, r: number, c: number) => squash(t.rows[r]![c]!.lines.join(''));
/** Everything a reader hands on, as one string in reading order. */
const allText = (blocks: RawBlock[]) =>
  blocks
    .map((b) =>
      b.kind === 'para'
        ? squash(b.text)
        : b.rows.map((row) => row.map((c) => squash(c.lines.join(''))).join('|')).join('\n'),
    )
    .join('\n');
const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** A refusal the clerk can act on: Chinese, naming the file, not a library's TypeError. */
function expectChineseRefusal(err: unknown, fileName: string) {
  expect(err).toMatchObject({ name: 'DomainError', message: expect.stringContaining(`“${fileName}”`) });
  const message = (err as Error).message;
  expect(message).toMatch(/[\u4e00-\u9fff]{10}/);
  expect(message).not.toMatch(/TypeError|undefined|Error:/);
}

async function refusal(fileName: string, data: Buffer): Promise<unknown> {
  try {
    await readDocumentBlocks(fileName, data);
  } catch (err) {
    return err;
  }
  throw new Error(`${fileName} was read`);
}

describe('Word 97 .doc (10-pujiang-measures-doc.doc)', () => {
  it('gives the document paragraph by paragraph, in order, without Word control characters', async () => {
    const blocks = await readDocumentBlocks('10-pujiang-measures-doc.doc', file(corpus, '10-pujiang-measures-doc.doc'));
    const paras = paragraphs(blocks);
    expect(paras.slice(0, 3)).toEqual([
      '浦江县人民政府办公室文件',
      '浦政办发〔2024〕61号',
      '浦江县人民政府办公室关于印发浦江县推进医养结合高质量发展若干措施的通知',
    ]);
    const item1 = paras.indexOf(
      '1.推进医疗机构开展养老服务。支持有条件的乡镇卫生院利用现有床位开展养老服务，到2025年底，每个乡镇（街道）至少有1家卫生院提供医养结合服务。（县卫健局牵头，县民政局、县医保局配合）',
    );
    const item12 = paras.findIndex(
      (p) => p.startsWith('12.优化审批服务。') && p.endsWith('（县卫健局、县民政局、县市场监管局按职责分工落实）'),
    );
    expect(item1).toBeGreaterThan(paras.indexOf('一、完善医养结合服务网络'));
    expect(item12).toBeGreaterThan(item1);
    expect(paras[paras.length - 1]).toBe('本措施自2024年12月5日起施行。');
    // eslint-disable-next-line no-control-regex -- asserts the control characters are gone
    expect(allText(blocks)).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('yields tasks through analyzeDocument', async () => {
    const result = await analyzeDocument('10-pujiang-measures-doc.doc', file(corpus, '10-pujiang-measures-doc.doc'));
    expect(result.tasks.length).toBeGreaterThan(0);
  });
});

describe('Word 97 .doc with a task table (formats/pingyang-table.doc) and the same file as .wps', () => {
  it.each(['pingyang-table.doc', 'pingyang-table.wps'])(
    '%s: the table comes out row by row, cells in column order',
    async (name) => {
      const blocks = await readDocumentBlocks(name, file(formats, name));
      expect(paragraphs(blocks)).toContain('平卫发〔2025〕18号');
      const [table] = tables(blocks);
      assert(table);
      expect(table.rows[0]?.map((c) => squash(c.lines.join('')))).toEqual([
        '序号',
        '重点任务',
        '牵头单位',
        '配合单位',
        '完成时限',
      ]);
      // A section row merged across the table.
      expect(cellText(table, 1, 0)).toBe('一、医共体建设');
      expect(table.rows[1]?.[4]?.mergedFrom).toEqual({ row: 1, col: 0 });
      expect(table.rows[2]?.map((c) => squash(c.lines.join('')))).toEqual([
        '1',
        '推进县域医共体建设。完善医共体总院与分院一体化管理，实现财务统一核算。',
        '基层卫生科',
        '财务科、各分院',
        '2025年6月底前',
      ]);
      // A cell of two paragraphs keeps them as two lines.
      expect(table.rows[3]?.[1]?.lines).toEqual(['提升基层服务能力。', '新增社区医院2家。']);
      expect(cellText(table, table.rows.length - 1, 1)).toBe('加强村卫生室规范化建设，完成15家村卫生室标准化改造。');
      // What follows the table is a paragraph again.
      expect(paragraphs(blocks).at(-1)).toBe('注：牵头单位负责统筹推进，配合单位按职责分工落实。');
    },
  );

  it('yields tasks through analyzeDocument', async () => {
    const result = await analyzeDocument('pingyang-table.wps', file(formats, 'pingyang-table.wps'));
    expect(result.tasks.length).toBeGreaterThan(0);
  });
});

describe('text PDF with an appendix table (11-kaihua-appendix-pdf.pdf)', () => {
  it('gives the title, the appendix rows in order, no page numbers and nothing twice', async () => {
    const blocks = await readDocumentBlocks('11-kaihua-appendix-pdf.pdf', file(corpus, '11-kaihua-appendix-pdf.pdf'));
    const paras = paragraphs(blocks);
    expect(paras).toContain('开化县2025年爱国卫生运动工作要点');
    expect(paras).toContain('开爱卫办〔2025〕4号');
    expect(paras.some((p) => /^[-—–\s]*\d+[-—–\s]*$/.test(p))).toBe(false);
    const [table] = tables(blocks);
    assert(table);
    expect(table.rows[0]?.map((c) => squash(c.lines.join('')))).toEqual(['序号', '具体任务', '责任单位', '完成时限']);
    expect(table.rows.slice(1).map((r) => squash(r[0]!.lines.join('')))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    expect(cellText(table, 1, 1)).toBe('巩固国家卫生县城创建成果，开展国家卫生县城长效管理常态化督查，每季度督查1次。');
    // A unit list the PDF wrapped inside its cell reads as one list.
    expect(cellText(table, 3, 2)).toBe('县综合执法局（牵头）、县市场监管局、县住建局，各乡镇（街道）');
    expect(cellText(table, 12, 3)).toBe('2025年9月底前');
    const text = allText(blocks);
    expect(occurrences(text, '开展病媒生物防制')).toBe(1);
    expect(occurrences(text, '开化县2025年爱国卫生运动重点任务分解表')).toBe(2); // 附件：… line and the appendix title
  });

  it('yields tasks through analyzeDocument', async () => {
    const result = await analyzeDocument('11-kaihua-appendix-pdf.pdf', file(corpus, '11-kaihua-appendix-pdf.pdf'));
    expect(result.tasks.length).toBeGreaterThan(0);
  });
});

describe('two-page PDF with a page-number footer and a table over the page break (formats/longquan-two-pages.pdf)', () => {
  it('joins the table into one, drops the repeated header and the page numbers, and mends the row the break split', async () => {
    const blocks = await readDocumentBlocks('longquan-two-pages.pdf', file(formats, 'longquan-two-pages.pdf'));
    const found = tables(blocks);
    expect(found).toHaveLength(1);
    const [table] = found;
    assert(table);
    expect(table.rows.map((r) => squash(r[0]!.lines.join('')))).toEqual([
      '序号',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    expect(table.rows[7]?.map((c) => squash(c.lines.join('')))).toEqual([
      '7',
      '提升基层发热诊室能力，乡镇卫生院发热诊室规范化率达到100%。',
      '市卫健局医政科',
      '各乡镇（街道）卫生院',
      '2025年10月底前',
    ]);
    const paras = paragraphs(blocks);
    expect(paras.some((p) => /^[-—–\s]*\d+[-—–\s]*$/.test(p))).toBe(false);
    // Lines as the page shows them (the analysis glues a sentence broken at the page width back together).
    expect(paras.slice(-3)).toEqual([
      '三、工作要求',
      '各单位要高度重视卫生应急工作，明确分管领导和具体联络人，于每季度末将工作进',
      '展报市卫健局应急办。',
    ]);
    expect(blocks.findIndex((b) => b.kind === 'table')).toBeLessThan(
      blocks.findIndex((b) => b.kind === 'para' && b.text === '三、工作要求'),
    );
  });

  it('yields tasks through analyzeDocument', async () => {
    const result = await analyzeDocument('longquan-two-pages.pdf', file(formats, 'longquan-two-pages.pdf'));
    expect(result.tasks.length).toBeGreaterThan(0);
  });
});

describe('files that cannot be read', () => {
  it('refuses a scanned PDF (no text layer), saying it is a scan and to get the Word original or OCR it', async () => {
    const err = await refusal('12-kaihua-scanned.pdf', file(corpus, '12-kaihua-scanned.pdf'));
    expectChineseRefusal(err, '12-kaihua-scanned.pdf');
    expect(err).toMatchObject({
      code: 'documents/pdf-scanned',
      message: expect.stringMatching(/扫描件.*没有文字.*Word 原件.*识别/),
    });
  });

  it('refuses a .doc cut short, naming it', async () => {
    const data = file(corpus, '10-pujiang-measures-doc.doc');
    const err = await refusal('截断.doc', data.subarray(0, Math.floor(data.length / 2)));
    expectChineseRefusal(err, '截断.doc');
  });

  it('refuses a PDF cut short, naming it', async () => {
    const data = file(corpus, '11-kaihua-appendix-pdf.pdf');
    const err = await refusal('截断.pdf', data.subarray(0, Math.floor(data.length / 2)));
    expectChineseRefusal(err, '截断.pdf');
    expect(err).toMatchObject({ code: 'documents/pdf-broken' });
  });

  it('refuses a PDF whose inside is damaged, naming it', async () => {
    const data = Buffer.from(file(corpus, '11-kaihua-appendix-pdf.pdf'));
    data.fill(0x41, 200, data.length - 600);
    const err = await refusal('损坏.pdf', data);
    expectChineseRefusal(err, '损坏.pdf');
  });

  it('reads a .docx named .doc as the .docx it is', async () => {
    const blocks = await readDocumentBlocks('改名.doc', file(corpus, '03-yongjia-task-table.docx'));
    expect(tables(blocks).length).toBeGreaterThan(0);
  });
});

describe('in the reader worker', () => {
  it('reads a .doc and a PDF and refuses a scan there too', async () => {
    const readers = new Readers();
    try {
      const doc = await readers.readDocument(
        '10-pujiang-measures-doc.doc',
        file(corpus, '10-pujiang-measures-doc.doc'),
        [],
      );
      expect(doc.tasks.length).toBeGreaterThan(0);
      const pdf = await readers.readDocument(
        '11-kaihua-appendix-pdf.pdf',
        file(corpus, '11-kaihua-appendix-pdf.pdf'),
        [],
      );
      expect(pdf.tasks.length).toBeGreaterThan(0);
      await expect(
        readers.readDocument('12-kaihua-scanned.pdf', file(corpus, '12-kaihua-scanned.pdf'), []),
      ).rejects.toMatchObject({ code: 'documents/pdf-scanned' });
    } finally {
      await readers.close();
    }
  });
});
