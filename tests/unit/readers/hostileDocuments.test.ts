// Issue 11, finding 3 for policy documents: text that made the ingest regexes quadratic or overflowed
// the stack is read to the end, and documents too big to be a plan are refused by name with the limit,
// through the reader worker as the app reads them. The time limit is generous: none of these may need it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { Readers } from '../../../electron/services/readers/readers';
import { demoApp } from '../ledger/helpers';
import { makeTempDir } from '../tempDirs';
import { docxOf, unzipEntries, writeZip, zeroBomb } from './hostileFiles';

const readers = new Readers({ limits: { timeoutMs: 20_000 } });
afterAll(() => readers.close());
const read = (name: string, text: string | Buffer) =>
  readers.readDocument(name, typeof text === 'string' ? Buffer.from(text) : text, []);

describe('long and many-paragraph text is read to the end', () => {
  it('a line of a million characters without 。 (5.5 s per 100,000 in the leadership-group finder, a million never ended)', async () => {
    const text = `一、总体要求\n（一）成立由县长任组长的工作专班，${'统筹推进各项工作任务落实'.repeat(90_000)}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const result = await read('长段落.txt', text);
    expect(result.tasks.map((t) => t.number)).toEqual(['一、', '（一）']);
  });

  it('long runs of one mark: （ without its ）, 《 without its 》, digits (each re-read its line from every mark)', async () => {
    for (const run of ['（', '《', '2025']) {
      const result = await read(
        '乱码.txt',
        `一、总体要求\n（一）覆盖率达到50%以上，${run.repeat(Math.ceil(600_000 / run.length))}`,
      );
      expect(result.tasks.map((t) => t.number)).toEqual(['一、', '（一）']);
    }
  });

  it('200,000 deadlines in one paragraph (a stack overflow)', async () => {
    const result = await read(
      '时限很多.txt',
      `一、总体要求\n（一）推进工作：${Array.from({ length: 200_000 }, () => '2025年底前').join('，')}。`,
    );
    expect(result.tasks).toHaveLength(2);
    expect(result.tasks[1]?.deadlines).toHaveLength(200_000);
    expect(result.tasks[1]?.deadline).toBe('2025-12-31');
  });

  it('200,000 lines broken mid-sentence, glued back into one paragraph', async () => {
    const result = await read(
      '断行很多.txt',
      `一、总体要求\n（一）推进工作，${Array.from({ length: 200_000 }, (_, i) => `第${i}行`).join('\n')}。`,
    );
    expect(result.tasks).toHaveLength(2);
    expect(result.tasks[1]?.content.length).toBeGreaterThan(1_000_000);
  });
});

describe('a document too big to be a plan is refused by name', () => {
  it('a .docx of 200,000 paragraphs is refused for their number before mammoth builds them', async () => {
    const data = docxOf(Array.from({ length: 200_000 }, (_, i) => `第${i}段，推进工作`));
    await expect(read('段落很多.docx', data)).rejects.toMatchObject({
      code: 'documents/too-many-paragraphs',
      message: expect.stringContaining('“段落很多.docx”有 200000 个段落，超过上限 50000 个'),
    });
  });

  it('a .docx with a part of 1.5 GB is refused for its size before it is inflated', async () => {
    const parts = await unzipEntries(docxOf(['一、总体要求']));
    const data = writeZip([
      ...parts.map((p) => ({ name: p.name, data: p.data })),
      { name: 'word/media/image1.png', deflated: zeroBomb(1536 * 1024 * 1024) },
    ]);
    await expect(read('实施方案.docx', data)).rejects.toMatchObject({
      code: 'zip_too_large',
      message: expect.stringContaining('“实施方案.docx”解压后有 1536 MB，超过上限 200 MB'),
    });
  });

  it('a table whose merged cells would be spelt out past the limit is refused', async () => {
    const cell = '<w:tc><w:tcPr><w:gridSpan w:val="999"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>';
    const rows = Array.from({ length: 1500 }, () => `<w:tr>${cell}</w:tr>`).join('');
    const data = docxOf({ bodyXml: `<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:tbl>${rows}</w:tbl>` });
    await expect(read('附件表格.docx', data)).rejects.toMatchObject({
      code: 'documents/table-too-large',
      message: expect.stringContaining('“附件表格.docx”中的表格有超过 1000000 个单元格'),
    });
  });

  it("through 'documents:analyze', with the file named in the refusal", async () => {
    const app = demoApp();
    const data = docxOf(Array.from({ length: 60_000 }, (_, i) => `第${i}段`));
    const file = path.join(makeTempDir(), '段落很多.docx');
    fs.writeFileSync(file, data);
    const result = await dispatch(app, 'documents:analyze', { path: file });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'documents/too-many-paragraphs',
        message: expect.stringContaining('“段落很多.docx”有 60000 个段落'),
      },
    });
  });
});
