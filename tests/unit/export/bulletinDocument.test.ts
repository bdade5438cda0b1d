// 调度通报 as a Word 公文: its numbers against the ledger, its look in the XML (GB/T 9704 fonts and sizes,
// A4 portrait, margins, "— N —" page numbers), and what lands on paper when LibreOffice prints it.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import XLSX from '@e965/xlsx';
import { buildBulletinDocument, bulletinFacts } from '../../../electron/services/word/bulletinDocument';
import { formatChineseDate } from '../../../shared/chineseDate';
import { TASK_STATUSES } from '../../../shared/domain';
import { isOverdue } from '../../../shared/warningLevel';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { goldSnapshot, TODAY, TOWNSHIPS, unitNamed } from './goldSnapshot';
import { hasLibreOffice, printToPdf, squash, tempDir } from './helpers';

const snap = goldSnapshot();
const texts = {
  issuer: '新昌县卫生健康局',
  problems: '个别单位报送不及时。\n部分事项进度滞后。',
  requirements: '请各单位于12月20日前补报。',
};

function part(buffer: Buffer, name: string): string {
  const zip = XLSX.CFB.read(buffer, { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, `/${name}`);
  if (!entry?.content) throw new Error(`${name} missing`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

describe('调度通报 (Word)', () => {
  let buffer: Buffer;
  let documentXml: string;
  beforeAll(async () => {
    buffer = await buildBulletinDocument(snap, 1, TODAY, texts);
    documentXml = part(buffer, 'word/document.xml');
  });

  it('states the numbers the ledger holds', () => {
    const facts = bulletinFacts(snap, 1, TODAY);
    const items = snap.tasks.filter((t) => t.level === 'item');
    expect(facts.items).toBe(items.length);
    for (const s of TASK_STATUSES) expect(facts.byStatus[s], s).toBe(items.filter((t) => t.status === s).length);
    expect(facts.overdue).toBe(items.filter((t) => isOverdue(t, TODAY)).length);
    expect(facts.expected.sort()).toEqual(['沙溪镇', '城南乡', '县财政局', '县卫生健康局'].sort());
    expect(facts.reported.sort()).toEqual(['沙溪镇', '县卫生健康局'].sort());
    expect(facts.notReported.sort()).toEqual(['城南乡', '县财政局'].sort());
    const wjj = facts.leads.find((l) => l.unit === '县卫生健康局')!;
    expect(wjj.total).toBe(items.filter((t) => t.leadUnitIds.includes(unitNamed(snap, '县卫生健康局').id)).length);
    expect(facts.total.total).toBe(facts.items);
    expect(facts.date).toBe(formatChineseDate(TODAY));
  });

  it('lists each overdue item once under its lead units, a collective named by the townships that have not reported', () => {
    const facts = bulletinFacts(snap, 1, TODAY);
    expect(facts.chase.length).toBe(facts.overdue);
    const viaCollective = facts.chase.filter((c) => TOWNSHIPS.some((t) => c.coUnits.includes(t)));
    for (const c of viaCollective) {
      expect(c.coUnits).toContain('城南乡');
      expect(c.coUnits).not.toContain('沙溪镇');
    }
  });

  it('is written as a 公文: A4 portrait, GB/T 9704 margins and fonts, page numbers — N —', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    const title = /<w:r>(?:(?!<\/w:r>).)*关于2026年第四季度重点任务<\/w:t>/s.exec(documentXml)?.[0] ?? '';
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    const heading = /<w:r>(?:(?!<\/w:r>).)*一、总体进展情况/s.exec(documentXml)?.[0] ?? '';
    expect(heading).toContain('w:eastAsia="黑体"');
    const heading2 = /<w:r>(?:(?!<\/w:r>).)*（一）已报送单位/s.exec(documentXml)?.[0] ?? '';
    expect(heading2).toContain('w:eastAsia="楷体_GB2312"');
    const opening = /<w:r>(?:(?!<\/w:r>).)*现将有关情况通报如下/s.exec(documentXml)?.[0] ?? '';
    expect(opening).toContain('w:eastAsia="仿宋_GB2312"');
    expect(opening).toContain('<w:sz w:val="32"/>');
    const footer = part(buffer, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
    expect(documentXml).toContain('个别单位报送不及时。');
    expect(documentXml).toContain('部分事项进度滞后。');
    expect(documentXml).toContain('请各单位于12月20日前补报。');
  });

  it.skipIf(!hasLibreOffice)(
    'opens in LibreOffice and prints the title, the numbers, the signature and the 附件',
    () => {
      const dir = tempDir();
      const file = path.join(dir, '调度通报.docx');
      fs.writeFileSync(file, buffer);
      const pdf = printToPdf(file);
      const all = Array.from({ length: pdf.pages }, (_, i) => pdf.pageText(i + 1)).join('');
      const facts = bulletinFacts(snap, 1, TODAY);
      expect(squash(pdf.pageText(1))).toContain('关于2026年第四季度重点任务推进情况的通报');
      expect(all).toContain(
        `应报送单位${facts.expected.length}个，已报送${facts.reported.length}个，未报送${facts.notReported.length}个`,
      );
      expect(all).toContain(`逾期未完成${facts.overdue}项`);
      expect(all).toContain('新昌县卫生健康局');
      expect(all).toContain(formatChineseDate(TODAY));
      expect(all).toContain('逾期事项催办清单');
      expect(pdf.pageText(1)).toContain('—1—');
    },
  );
});

describe('export:bulletin through the app', () => {
  it('saves the Word bulletin and its Excel data annex beside it, both readable', async () => {
    const { demoApp } = await import('../ledger/helpers');
    const { dispatch } = await import('../../../electron/handlers/dispatch');
    const app = demoApp();
    const roundId = readLedgerSnapshot(app.ledger).rounds[0]!.id;
    const out = await dispatch(app, 'export:bulletin', { roundId, problems: '报送不及时。' });
    if (!out.ok) throw new Error(out.error.message);
    const { files } = out.data as { files: string[] };
    expect(files).toHaveLength(2);
    const [docx, annex] = files as [string, string];
    expect(docx).toMatch(/\.docx$/);
    expect(annex).toMatch(/（数据附件）\.xlsx$/);
    expect(part(fs.readFileSync(docx), 'word/document.xml')).toContain('报送不及时。');
    expect(XLSX.read(fs.readFileSync(annex)).SheetNames).toContain('调度通报');
  });
});

describe('the clerk’s bulletin paragraphs are kept with the round', () => {
  async function app() {
    const { demoApp } = await import('../ledger/helpers');
    const { dispatch } = await import('../../../electron/handlers/dispatch');
    const demo = demoApp();
    const call = async (channel: string, payload: unknown) => {
      const out = await dispatch(demo, channel, payload);
      if (!out.ok) throw new Error(out.error.message);
      return out.data;
    };
    const roundId = readLedgerSnapshot(demo.ledger).rounds[0]!.id;
    return { demo, call, roundId };
  }

  it('saves 存在问题、下步工作要求 and the issuer, reads them back, and the next export uses them', async () => {
    const { demo, call, roundId } = await app();
    const saved = { roundId, issuer: '新昌县卫生健康局', problems: '乡镇报送迟。', requirements: '月底前补报。' };
    await call('export:saveBulletinTexts', saved);
    expect(await call('export:bulletinTexts', { roundId })).toEqual({
      issuer: saved.issuer,
      problems: saved.problems,
      requirements: saved.requirements,
    });
    // The CLI and a later export that send no paragraphs print the ones kept with the round.
    const { files } = (await call('export:bulletin', { roundId })) as { files: string[] };
    const xml = part(fs.readFileSync(files[0]!), 'word/document.xml');
    expect(xml).toContain('乡镇报送迟。');
    expect(xml).toContain('月底前补报。');
    const audited = demo.ledger.db
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'progress_round' AND entity_id = ?")
      .get(roundId) as { n: number };
    expect(audited.n).toBeGreaterThan(0);
  });

  it('a round that was never given paragraphs reads as empty, with the ledger’s issuer suggested', async () => {
    const { call, roundId } = await app();
    const texts = (await call('export:bulletinTexts', { roundId })) as { issuer: string; problems: string };
    expect(texts.problems).toBe('');
    expect(texts.issuer).not.toBe('');
  });
});
