// Recipes for hostile files, drawn by fast-check from a seed: plain data (so a failure prints what was
// done to which file), built into bytes only when read. Returns start from the township fixtures and
// our own fill-in template; documents from the policy-document fixtures.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import {
  docxOf,
  paragraphsXml,
  repeatBomb,
  returnRows,
  sheetXml,
  unzipEntries,
  writeZip,
  xlsxEntries,
  zeroBomb,
  type ZipEntry,
} from '../readers/hostileFiles';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const RETURN_BASES = [
  '回山镇_推进情况.xlsx',
  '沙溪镇_2024年二季度推进情况.xlsx',
  '城南乡_推进情况.xls',
  '儒岙镇_推进情况.csv',
];
const DOCUMENT_BASES = [
  'xinchang-reform-plan.docx',
  'wenshui-measures-2023-57.docx',
  'ordos-capacity-plan.txt',
  'wenshui-measures-2023-57.txt',
];

export interface Base {
  name: string;
  data: Buffer;
}

export function returnBases(template: Buffer): Base[] {
  return [
    ...RETURN_BASES.map((name) => ({ name, data: fs.readFileSync(path.join(FIXTURES, 'township', name)) })),
    { name: '城南乡_填报模板.xlsx', data: template },
  ];
}

export function documentBases(): Base[] {
  return DOCUMENT_BASES.map((name) => ({ name, data: fs.readFileSync(path.join(FIXTURES, 'documents', name)) }));
}

// Without bias: fast-check otherwise favours 0, so most cuts and flips would land on the first byte.
const fraction = fc.noBias(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }));

/** Byte-level damage to any file. */
const byteRecipe = (bases: number) =>
  fc.oneof(
    fc.record({
      op: fc.constant('flip' as const),
      base: fc.nat(bases - 1),
      at: fc.array(fraction, { minLength: 1, maxLength: 8 }),
      bit: fc.nat(7),
    }),
    fc.record({ op: fc.constant('truncate' as const), base: fc.nat(bases - 1), at: fraction }),
    fc.record({
      op: fc.constant('splice' as const),
      base: fc.nat(bases - 1),
      from: fraction,
      length: fc.nat(4096),
      to: fraction,
    }),
    fc.record({
      op: fc.constant('nul' as const),
      base: fc.nat(bases - 1),
      at: fc.array(fraction, { minLength: 1, maxLength: 20 }),
    }),
  );

/** Damage to one part of a zip (the XML of a sheet, the shared strings, the document), rezipped. */
const partRecipe = (bases: number) =>
  fc.record({
    op: fc.constant('part' as const),
    base: fc.nat(bases - 1),
    part: fraction,
    damage: fc.constantFrom('flip', 'truncate', 'nul', 'garbage', 'drop', 'duplicate', 'lie', 'badcrc', 'stored'),
    at: fraction,
    amount: fc.nat(64),
  });

export const returnRecipe = (bases: number) =>
  fc.oneof(
    { weight: 4, arbitrary: byteRecipe(bases) },
    { weight: 4, arbitrary: partRecipe(bases) },
    // Declared extents: a dimension, one far cell, a styled last row.
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('extent' as const),
        how: fc.constantFrom('dimension', 'cell', 'styledRow'),
        row: fc.integer({ min: 1, max: 1_048_576 }),
        col: fc.integer({ min: 1, max: 16_384 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('merges' as const),
        count: fc.integer({ min: 1, max: 3000 }),
        span: fc.integer({ min: 1, max: 2000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('sharedStrings' as const),
        count: fc.integer({ min: 1, max: 200_000 }),
        length: fc.integer({ min: 1, max: 1_100_000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('bomb' as const),
        megabytes: fc.integer({ min: 150, max: 2048 }),
        lie: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('bigCell' as const), chars: fc.integer({ min: 30_000, max: 1_100_000 }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('validation' as const),
        sqref: fc.constantFrom('E3:E1048576', 'A1:XFD1048576', 'C3:C200 E3:E1048576'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('csv' as const),
        how: fc.constantFrom('random', 'utf16', 'gbk', 'nul', 'bigCell', 'breaks', 'columns', 'quotes'),
        n: fc.integer({ min: 1, max: 1_100_000 }),
        seed: fc.nat(),
      }),
    },
  );

export const documentRecipe = (bases: number) =>
  fc.oneof(
    { weight: 4, arbitrary: byteRecipe(bases) },
    { weight: 3, arbitrary: partRecipe(2) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('paragraphs' as const),
        n: fc.integer({ min: 1000, max: 120_000 }),
        inCell: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('longLine' as const),
        n: fc.integer({ min: 10_000, max: 1_000_000 }),
        words: fc.constantFrom('甲乙丙丁', '成立由县长任组长，', '办公室主任由', '2025年底前', '（', '|', '附件1'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('encoding' as const),
        base: fc.nat(bases - 1),
        how: fc.constantFrom('utf16', 'utf16be', 'gbk', 'latin1'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('spans' as const),
        rows: fc.integer({ min: 1, max: 3000 }),
        gridSpan: fc.integer({ min: 1, max: 999 }),
        vMerge: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('bomb' as const),
        megabytes: fc.integer({ min: 150, max: 2048 }),
        lie: fc.boolean(),
      }),
    },
  );

export type ReturnRecipe = ReturnType<typeof returnRecipe> extends fc.Arbitrary<infer R> ? R : never;
export type DocumentRecipe = ReturnType<typeof documentRecipe> extends fc.Arbitrary<infer R> ? R : never;
type ByteRecipe = ReturnType<typeof byteRecipe> extends fc.Arbitrary<infer R> ? R : never;
type PartRecipe = ReturnType<typeof partRecipe> extends fc.Arbitrary<infer R> ? R : never;

const pos = (f: number, length: number) => Math.min(length - 1, Math.max(0, Math.floor(f * length)));

function damageBytes(r: ByteRecipe, data: Buffer): Buffer {
  if (!data.length) return data;
  switch (r.op) {
    case 'flip': {
      const out = Buffer.from(data);
      for (const at of r.at) out[pos(at, out.length)]! ^= 1 << r.bit;
      return out;
    }
    case 'truncate':
      return data.subarray(0, pos(r.at, data.length));
    case 'splice': {
      const from = pos(r.from, data.length);
      const chunk = data.subarray(from, from + r.length);
      const to = pos(r.to, data.length);
      return Buffer.concat([data.subarray(0, to), chunk, data.subarray(to)]);
    }
    case 'nul': {
      const out = Buffer.from(data);
      for (const at of r.at) out[pos(at, out.length)] = 0;
      return out;
    }
  }
}

async function damagePart(r: PartRecipe, data: Buffer): Promise<Buffer> {
  let entries: { name: string; data: Buffer }[];
  try {
    entries = await unzipEntries(data);
  } catch {
    return data; // not a zip (.xls, .csv): left as it is
  }
  const i = pos(r.part, entries.length);
  const part = entries[i]!.data;
  const zip: ZipEntry[] = entries.map((e) => ({ name: e.name, data: e.data }));
  const at = part.length ? pos(r.at, part.length) : 0;
  switch (r.damage) {
    case 'flip': {
      const d = Buffer.from(part);
      for (let k = 0; k <= r.amount % 8 && d.length; k++) d[pos((r.at + k * 0.137) % 1, d.length)]! ^= 0x20;
      zip[i] = { name: entries[i]!.name, data: d };
      break;
    }
    case 'truncate':
      zip[i] = { name: entries[i]!.name, data: part.subarray(0, at) };
      break;
    case 'nul':
      zip[i] = {
        name: entries[i]!.name,
        data: Buffer.concat([part.subarray(0, at), Buffer.alloc(r.amount + 1), part.subarray(at)]),
      };
      break;
    case 'garbage':
      zip[i] = {
        name: entries[i]!.name,
        data: Buffer.concat([
          part.subarray(0, at),
          Buffer.from(
            '<row r="0"><c r="A"><v>x</v></c></row><mergeCell ref=":"/>&#0;<![CDATA['.repeat(1 + (r.amount % 4)),
          ),
          part.subarray(at),
        ]),
      };
      break;
    case 'drop':
      zip.splice(i, 1);
      break;
    case 'duplicate':
      zip.push({ name: entries[i]!.name, data: part });
      break;
    case 'lie':
      zip[i] = { name: entries[i]!.name, data: part, declaredSize: Math.floor(part.length / (2 + (r.amount % 5))) };
      break;
    case 'badcrc':
      zip[i] = { name: entries[i]!.name, data: part, declaredCrc: (r.amount * 2654435761) >>> 0 };
      break;
    case 'stored':
      zip[i] = { name: entries[i]!.name, data: part, stored: true };
      break;
  }
  return writeZip(zip);
}

function bomb(megabytes: number, lie: boolean): { bytes: Buffer; size: number; crc: number } {
  const b = lie
    ? repeatBomb(Buffer.alloc(1024 * 1024, 0x20), Math.min(megabytes, 300))
    : zeroBomb(megabytes * 1024 * 1024);
  return lie ? { ...b, size: 4096 } : b;
}

const ITEMS = ['完善县域医共体一体化管理', '落实家庭医生签约服务', '推进基层医疗卫生机构标准化建设'];

export async function buildReturn(r: ReturnRecipe, bases: Base[]): Promise<{ name: string; data: Buffer }> {
  switch (r.op) {
    case 'flip':
    case 'truncate':
    case 'splice':
    case 'nul':
      return { name: bases[r.base]!.name, data: damageBytes(r, bases[r.base]!.data) };
    case 'part':
      return { name: bases[r.base]!.name, data: await damagePart(r, bases[r.base]!.data) };
    case 'extent': {
      const extra =
        r.how === 'cell'
          ? `<row r="${r.row}"><c r="${columnRef(r.col)}${r.row}" t="inlineStr"><is><t>x</t></is></c></row>`
          : r.how === 'styledRow'
            ? `<row r="${Math.max(r.row, 10)}" s="1" customFormat="1"/>`
            : '';
      const dimension = r.how === 'dimension' ? `A1:${columnRef(r.col)}${r.row}` : undefined;
      return {
        name: '声明范围.xlsx',
        data: writeZip(xlsxEntries(sheetXml({ rows: returnRows(ITEMS), dimension, extraRows: extra }))),
      };
    }
    case 'merges': {
      const merges = Array.from(
        { length: r.count },
        (_, k) => `A${(k % 50) + 3}:${columnRef(1 + ((k * 7) % r.span))}${(k % 50) + 3 + ((k * 13) % r.span)}`,
      );
      return { name: '合并单元格.xlsx', data: writeZip(xlsxEntries(sheetXml({ rows: returnRows(ITEMS), merges }))) };
    }
    case 'sharedStrings': {
      const strings = Array.from(
        { length: r.count },
        (_, k) => `<si><t>${k === 0 ? 'x'.repeat(r.length) : `串${k}`}</t></si>`,
      ).join('');
      const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${r.count}" uniqueCount="${r.count}">${strings}</sst>`;
      const sheet = sheetXml({ rows: returnRows(ITEMS) }).replace(
        '</sheetData>',
        '<row r="9"><c r="B9" t="s"><v>0</v></c></row></sheetData>',
      );
      return {
        name: '共享字符串.xlsx',
        data: writeZip(xlsxEntries(sheet, [{ name: 'xl/sharedStrings.xml', data: Buffer.from(sst) }])),
      };
    }
    case 'bomb':
      return {
        name: '压缩炸弹.xlsx',
        data: writeZip(
          xlsxEntries(sheetXml({ rows: returnRows(ITEMS) }), [
            { name: 'xl/media/image1.png', deflated: bomb(r.megabytes, r.lie) },
          ]),
        ),
      };
    case 'bigCell':
      return {
        name: '超长单元格.xlsx',
        data: writeZip(xlsxEntries(sheetXml({ rows: [...returnRows(ITEMS), [4, '很长', 'x'.repeat(r.chars)]] }))),
      };
    case 'validation': {
      const sheet = sheetXml({ rows: returnRows(ITEMS) }).replace(
        '</worksheet>',
        `<dataValidations count="1"><dataValidation type="list" sqref="${r.sqref}"><formula1>"推进中,已完成"</formula1></dataValidation></dataValidations></worksheet>`,
      );
      return { name: '数据有效性.xlsx', data: writeZip(xlsxEntries(sheet)) };
    }
    case 'csv':
      return { name: '报表.csv', data: buildCsv(r.how, r.n, r.seed) };
  }
}

function buildCsv(how: string, n: number, seed: number): Buffer {
  const text = ['序号,工作内容,进展情况,完成进度', ...ITEMS.map((t, i) => `${i + 1},${t},已完成阶段性工作,60%`)].join(
    '\r\n',
  );
  switch (how) {
    case 'random': {
      const out = Buffer.alloc(Math.min(n, 200_000));
      let x = seed | 1;
      for (let i = 0; i < out.length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      return out;
    }
    case 'utf16':
      return iconv.encode(text, 'utf16le'); // no BOM
    case 'gbk':
      return iconv.encode(text, 'gbk');
    case 'nul':
      return Buffer.from(text.replace(/,/g, (c, i: number) => (i % 3 === 0 ? '\u0000' : c)));
    case 'bigCell':
      return Buffer.from(`${text}\r\n4,${'长'.repeat(Math.min(n, 1_100_000))},x,1`);
    case 'breaks':
      return Buffer.from(text + '\r\n'.repeat(Math.min(n, 5_000_000)));
    case 'columns':
      return Buffer.from(`${text}\r\n${','.repeat(Math.min(n, 5_000_000))}`);
    default:
      return Buffer.from(`${text}\r\n"${'"'.repeat(Math.min(n, 1_000_000))}`);
  }
}

function columnRef(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function buildDocument(r: DocumentRecipe, bases: Base[]): Promise<{ name: string; data: Buffer }> {
  switch (r.op) {
    case 'flip':
    case 'truncate':
    case 'splice':
    case 'nul':
      return { name: bases[r.base]!.name, data: damageBytes(r, bases[r.base]!.data) };
    case 'part':
      return { name: bases[r.base]!.name, data: await damagePart(r, bases[r.base]!.data) };
    case 'paragraphs': {
      const paragraphs = Array.from({ length: r.n }, (_, i) => `第${i}段，推进工作`);
      return {
        name: '段落很多.docx',
        data: docxOf(
          r.inCell ? { bodyXml: `<w:tbl><w:tr><w:tc>${paragraphsXml(paragraphs)}</w:tc></w:tr></w:tbl>` } : paragraphs,
        ),
      };
    }
    case 'longLine':
      return {
        name: '长行.txt',
        data: Buffer.from(`一、总体要求\n${r.words.repeat(Math.ceil(r.n / r.words.length))}`),
      };
    case 'encoding': {
      const text = bases[r.base]!.name.endsWith('.txt')
        ? bases[r.base]!.data.toString('utf8')
        : '一、总体要求\n（一）推进工作，2025年底前完成。';
      const data =
        r.how === 'latin1'
          ? Buffer.from(text, 'latin1')
          : iconv.encode(text, r.how === 'utf16' ? 'utf16le' : r.how === 'utf16be' ? 'utf16be' : 'gbk');
      return { name: '编码.txt', data };
    }
    case 'spans': {
      const cell = (i: number) =>
        `<w:tc><w:tcPr><w:gridSpan w:val="${r.gridSpan}"/>${r.vMerge ? `<w:vMerge${i === 0 ? ' w:val="restart"' : ''}/>` : ''}</w:tcPr><w:p><w:r><w:t>${i}</w:t></w:r></w:p></w:tc>`;
      const rows = Array.from({ length: r.rows }, (_, i) => `<w:tr>${cell(i)}${cell(i)}</w:tr>`).join('');
      return {
        name: '合并表格.docx',
        data: docxOf({ bodyXml: `<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:tbl>${rows}</w:tbl>` }),
      };
    }
    case 'bomb': {
      const base = await unzipEntries(docxOf(['一、总体要求']));
      return {
        name: '压缩炸弹.docx',
        data: writeZip([
          ...base.map((e) => ({ name: e.name, data: e.data })),
          { name: 'word/media/image1.png', deflated: bomb(r.megabytes, r.lie) },
        ]),
      };
    }
  }
}
