// Looks inside a zip (.xlsx, .docx) before exceljs or mammoth do. Both unzip with JSZip, which believes
// the sizes a zip declares and inflates whole parts into memory: a 1.5 GB part was read for 36 s, and
// a part that inflates past its declared size made SheetJS loop forever. yauzl (well kept, used by
// Electron's own extract-zip) reads the central directory, so the declared sizes are checked before
// anything is inflated; each part is then inflated once, by zlib, stopped at its declared size, and
// its CRC checked, so a damaged part is refused rather than read as garbage. (yauzl's own stream per
// part cost as much time as exceljs's whole reading of a small return, so the parts are inflated here.)
// The readers are handed the parts as they were checked, stored uncompressed in a new zip: what they
// read is exactly what was measured, and JSZip does not inflate everything a second time.
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { DomainError } from '../../../shared/errors';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, mb } from './limits';

export interface ZipContents {
  /** Every part's name, as the zip spells it. */
  names: Set<string>;
  /** The inflated bytes of the parts asked for. */
  parts: Map<string, Buffer>;
  /**
   * The same parts, stored without compression: what exceljs and mammoth are given to read. Built
   * when asked for: the lean .xlsx reader reads `parts` and never needs it.
   */
  stored: () => Buffer;
}

export interface ZipMessages {
  /** The refusal when the zip cannot be read or a part is damaged. */
  corrupt: () => DomainError;
  /** What the file should have been ("推进情况表", "政策文件"), for the limit messages. */
  what: string;
}

const LOCAL_HEADER = 0x04034b50;

export async function inspectZip(
  fileName: string,
  data: Buffer,
  keep: (name: string) => boolean,
  messages: ZipMessages,
): Promise<ZipContents> {
  const corrupt = messages.corrupt;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    throw corrupt();
  }
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) {
      throw new DomainError(
        'zip_too_many_parts',
        `“${fileName}”内含 ${zip.entryCount} 个部件，超过上限 ${MAX_ZIP_ENTRIES} 个，不像是${messages.what}，未读取。请检查是否发错了文件。`,
      );
    }
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      declared += entry.uncompressedSize;
    }
  } catch (err) {
    throw err instanceof DomainError ? err : corrupt();
  } finally {
    zip.close();
  }
  // Refused on what the directory declares, before a byte is inflated.
  if (declared > MAX_UNZIPPED_BYTES) {
    throw new DomainError(
      'zip_too_large',
      `“${fileName}”解压后有 ${mb(declared)}，超过上限 ${mb(MAX_UNZIPPED_BYTES)}（可能是恶意构造的压缩文件，或夹带了大量图片），未读取。` +
        `请检查是否发错了文件；如确是${messages.what}，请删除其中的图片后另存再发送。`,
    );
  }
  const names = new Set<string>();
  const parts = new Map<string, Buffer>();
  const inflated: { name: string; data: Buffer; crc: number }[] = [];
  for (const entry of entries) {
    names.add(entry.fileName);
    if (entry.fileName.endsWith('/')) continue;
    if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) throw corrupt();
    const part = inflatePart(data, entry, corrupt);
    if (keep(entry.fileName)) parts.set(entry.fileName, part);
    inflated.push({ name: entry.fileName, data: part, crc: entry.crc32 });
  }
  return { names, parts, stored: () => storeZip(inflated) };
}

/** One part's bytes: found through its local header, inflated no further than its declared size, CRC checked. */
function inflatePart(data: Buffer, entry: yauzl.Entry, corrupt: () => DomainError): Buffer {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) throw corrupt();
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + entry.compressedSize > data.length) throw corrupt();
  const raw = data.subarray(start, start + entry.compressedSize);
  let part: Buffer;
  try {
    // One byte over the declared size is enough to know the part lies about it.
    part =
      entry.compressionMethod === 8 ? zlib.inflateRawSync(raw, { maxOutputLength: entry.uncompressedSize + 1 }) : raw;
  } catch {
    throw corrupt();
  }
  if (part.length !== entry.uncompressedSize || zlib.crc32(part) >>> 0 !== entry.crc32 >>> 0) throw corrupt();
  return part;
}

/** A zip of the given parts, stored (method 0), with UTF-8 names. */
function storeZip(parts: { name: string; data: Buffer; crc: number }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, p.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(p.crc >>> 0, 16);
    entry.writeUInt32LE(p.data.length, 20);
    entry.writeUInt32LE(p.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
