// Looks inside a zip (.xlsx, .docx) before exceljs or mammoth do. Both unzip with JSZip, which believes
// the sizes a zip declares and inflates whole parts into memory: a 1.5 GB part was read for 36 s, and
// a part that inflates past its declared size made SheetJS loop forever. yauzl (well kept, used by
// Electron's own extract-zip) reads the central directory only, so the declared sizes can be checked
// before anything is inflated, and it stops a part that inflates past its declared size; the CRC it
// leaves to its caller is checked here, so a damaged part is refused rather than read as garbage.
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { DomainError } from '../../../shared/errors';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, mb } from './limits';

export interface ZipContents {
  /** Every part's name, as the zip spells it. */
  names: Set<string>;
  /** The inflated bytes of the parts asked for. */
  parts: Map<string, Buffer>;
}

export interface ZipMessages {
  /** The refusal when the zip cannot be read or a part is damaged. */
  corrupt: () => DomainError;
  /** What the file should have been ("推进情况表", "政策文件"), for the limit messages. */
  what: string;
}

export async function inspectZip(fileName: string, data: Buffer, keep: (name: string) => boolean, messages: ZipMessages): Promise<ZipContents> {
  const corrupt = messages.corrupt;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw corrupt();
  }
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) {
      throw new DomainError(
        'zip_too_many_parts',
        `“${fileName}”内含 ${zip.entryCount} 个部件，超过上限 ${MAX_ZIP_ENTRIES} 个，不像是${messages.what}，未读取。请检查是否发错了文件。`,
      );
    }
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        declared += entry.uncompressedSize;
      }
    } catch {
      throw corrupt();
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
    for (const entry of entries) {
      names.add(entry.fileName);
      if (entry.fileName.endsWith('/')) continue;
      if (!entry.canDecodeFileData()) throw corrupt();
      const wanted = keep(entry.fileName);
      const chunks: Buffer[] = [];
      let crc = 0;
      try {
        // yauzl ends the stream with an error once a part inflates past its declared size.
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          crc = zlib.crc32(chunk, crc);
          if (wanted) chunks.push(chunk);
        }
      } catch {
        throw corrupt();
      }
      if (crc >>> 0 !== entry.crc32 >>> 0) throw corrupt();
      if (wanted) parts.set(entry.fileName, Buffer.concat(chunks));
    }
    return { names, parts };
  } finally {
    zip.close();
  }
}
