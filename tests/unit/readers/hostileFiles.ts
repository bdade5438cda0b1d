// Builders of hostile inputs for the reader tests and the fuzz test: zips written byte by byte (so an
// entry can declare a size it does not have), minimal .xlsx and .docx parts, and zip bombs whose
// deflate stream is a repeated chunk (a 1.5 GB entry costs a few MB and a second to build).
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The entry's bytes; deflated unless `stored`. */
  data?: Buffer;
  /** A ready deflate stream with the size and CRC it inflates to (for bombs). */
  deflated?: { bytes: Buffer; size: number; crc: number };
  stored?: boolean;
  /** Write this uncompressed size in the headers instead of the true one. */
  declaredSize?: number;
  /** Write this CRC instead of the true one. */
  declaredCrc?: number;
}

export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let body: Buffer;
    let size: number;
    let crc: number;
    let method: number;
    if (e.deflated) {
      ({ bytes: body, size, crc } = e.deflated);
      method = 8;
    } else {
      const data = e.data ?? Buffer.alloc(0);
      size = data.length;
      crc = zlib.crc32(data);
      method = e.stored ? 0 : 8;
      body = e.stored ? data : zlib.deflateRawSync(data);
    }
    const declared = e.declaredSize ?? size;
    if (e.declaredCrc !== undefined) crc = e.declaredCrc;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x21, 10); // a DOS date (1980-01-01)
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(0x21, 12);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(declared >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A deflate stream of `size` zero bytes: one deflated megabyte, flushed so it ends on a byte boundary
 * and refers only to itself, repeated, then an empty final block.
 */
export function zeroBomb(size: number): { bytes: Buffer; size: number; crc: number } {
  const MB = 1024 * 1024;
  const zeros = Buffer.alloc(MB);
  const chunk = zlib.deflateRawSync(zeros, { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 });
  const whole = Math.floor(size / MB);
  const rest = size - whole * MB;
  const parts: Buffer[] = Array.from({ length: whole }, () => chunk);
  let crc = 0;
  for (let i = 0; i < whole; i++) crc = zlib.crc32(zeros, crc);
  if (rest) {
    parts.push(zlib.deflateRawSync(zeros.subarray(0, rest), { finishFlush: zlib.constants.Z_FULL_FLUSH }));
    crc = zlib.crc32(zeros.subarray(0, rest), crc);
  }
  parts.push(Buffer.from([0x03, 0x00])); // final fixed-Huffman block holding only its end code
  return { bytes: Buffer.concat(parts), size, crc };
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column letters of a 0-based index (0 → A, 16383 → XFD). */
export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A worksheet's XML: rows of inline strings and numbers, with optional dimension, merges and extra rows. */
export function sheetXml(opts: {
  rows: (string | number | null)[][];
  dimension?: string;
  merges?: string[];
  extraRows?: string;
  firstRow?: number;
}): string {
  const first = opts.firstRow ?? 1;
  const rows = opts.rows
    .map((cells, r) => {
      const cs = cells
        .map((v, c) => {
          if (v === null) return '';
          const ref = `${columnName(c)}${r + first}`;
          return typeof v === 'number'
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + first}">${cs}</row>`;
    })
    .join('');
  const merges = opts.merges?.length
    ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (opts.dimension ? `<dimension ref="${opts.dimension}"/>` : '') +
    `<sheetData>${rows}${opts.extraRows ?? ''}</sheetData>${merges}</worksheet>`
  );
}

/** The parts of a one-sheet workbook around a worksheet's XML; more entries may be added or replace these. */
export function xlsxEntries(sheet: string, extra: ZipEntry[] = []): ZipEntry[] {
  const base: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="推进情况" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
  ];
  const names = new Set(extra.map((e) => e.name));
  return [...base.filter((e) => !names.has(e.name)), ...extra];
}

/** A township's return as a minimal .xlsx: a title, a header and the given work rows. */
export function returnRows(items: string[], progress = '已完成阶段性工作'): (string | number | null)[][] {
  return [
    ['沙溪镇重点任务推进情况表'],
    ['序号', '工作内容', '进展情况', '完成进度', '状态'],
    ...items.map((t, i) => [i + 1, t, progress, '60%', '推进中']),
  ];
}

export function minimalXlsx(items: string[]): Buffer {
  return writeZip(xlsxEntries(sheetXml({ rows: returnRows(items) })));
}

/** WordprocessingML paragraphs. */
export const paragraphsXml = (paragraphs: string[]) =>
  paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');

/** A .docx whose body is the given paragraphs (or raw body XML). */
export function docxOf(paragraphs: string[] | { bodyXml: string }): Buffer {
  const body = Array.isArray(paragraphs) ? paragraphsXml(paragraphs) : paragraphs.bodyXml;
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    },
  ]);
}

/** A zip's entries and their bytes (yauzl), to rebuild it with one part changed. */
export async function unzipEntries(zip: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const yauzl = (await import('yauzl')).default;
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true, autoClose: false });
  const out: { name: string; data: Buffer }[] = [];
  try {
    for await (const entry of file.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of (await file.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
      out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
    }
  } finally {
    file.close();
  }
  return out;
}

/** A deflate stream of `size` bytes repeating `chunk` (1 MB of text, say), as zeroBomb does with zeros. */
export function repeatBomb(chunk: Buffer, times: number): { bytes: Buffer; size: number; crc: number } {
  const deflated = zlib.deflateRawSync(chunk, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < times; i++) crc = zlib.crc32(chunk, crc);
  return {
    bytes: Buffer.concat([...Array.from({ length: times }, () => deflated), Buffer.from([0x03, 0x00])]),
    size: chunk.length * times,
    crc,
  };
}
