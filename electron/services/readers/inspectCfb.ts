// Looks at the structure of a legacy .xls (an OLE compound file) before SheetJS reads it. Two walks in
// SheetJS's CFB reader never check for a loop: a stream's sector chain (get_sector_list) and the
// directory tree (build_full_paths, which queues siblings until a damaged tree has queued hundreds of
// millions). Either grows an array until V8 aborts the whole process, which a worker thread cannot
// contain (a damaged .xls with its header copied twice did it in the fuzz test). So the file allocation
// table and the directory are read here as SheetJS reads them, those walks are run with a bound, and a
// file where one would not end is refused. Hand-written because the only maintained CFB reader for Node
// is SheetJS's own (the `cfb` package), with the same walks; this needs only the header, the DIFAT, the
// FAT and the directory ([MS-CFB] 2.2–2.6).
import { DomainError } from '../../../shared/errors';

const ENDOFCHAIN = -2;
const FREESECT = -1;

/** SheetJS reads an int32 byte by byte, a byte past the end of a short last sector counting as 0. */
function int32(sector: Buffer | undefined, at: number): number {
  if (!sector) return 0;
  return (
    ((sector[at + 3] ?? 0) << 24) | ((sector[at + 2] ?? 0) << 16) | ((sector[at + 1] ?? 0) << 8) | (sector[at] ?? 0)
  );
}

/** Directory entries beyond this are no workbook (an .xls has about ten); SheetJS's tree walk is quadratic in them. */
const MAX_ENTRIES = 4096;

/** Throws `corrupt()` when a walk SheetJS makes over the compound file would not end; otherwise leaves the file to SheetJS. */
export function checkCfbChains(data: Buffer, corrupt: () => DomainError): void {
  if (data.length < 512) return; // SheetJS refuses it itself
  const major = data.readUInt16LE(26);
  if (major !== 3 && major !== 4) return;
  const ssz = major === 3 ? 512 : 4096;
  // As SheetJS's sectorify: sector i is the (i+1)th block of ssz bytes; the last one may be short.
  const count = Math.ceil(data.length / ssz) - 1;
  // undefined (a FAT sector number past the list's end) is no sector, like any other out of range.
  const sector = (i: number | undefined): Buffer | undefined =>
    i !== undefined && Number.isInteger(i) && i >= 0 && i < count
      ? data.subarray((i + 1) * ssz, (i + 2) * ssz)
      : undefined;

  // The FAT's sectors: up to 109 in the header (until the first negative), then the DIFAT chain.
  const fatSectors: number[] = [];
  for (let j = 0; j < 109; j++) {
    const q = data.readInt32LE(76 + j * 4);
    if (q < 0) break;
    fatSectors[j] = q;
  }
  let difat = data.readInt32LE(68);
  let left = data.readInt32LE(72);
  const seenDifat = new Set<number>();
  while (difat !== ENDOFCHAIN && difat !== FREESECT) {
    const s = sector(difat);
    if (!s) break;
    if (seenDifat.has(difat)) throw corrupt();
    seenDifat.add(difat);
    for (let i = 0; i < ssz / 4 - 1; i++) {
      const q = int32(s, i * 4);
      if (q === ENDOFCHAIN) break;
      fatSectors.push(q);
    }
    if (left < 1) break;
    left--;
    difat = int32(s, ssz - 4);
  }
  // Each FAT sector is a sector of the file: more of them than sectors is no compound file.
  if (fatSectors.length > count + 1) throw corrupt();

  // Every sector number the FAT has an entry for, and where its chain goes next (negative: it ends).
  const perSector = ssz / 4;
  const nodes = fatSectors.length * perSector;
  const next = (j: number): number => {
    const fat = sector(fatSectors[Math.floor(j / perSector)]);
    if (!fat) return -1;
    const v = int32(fat, (j * 4) & (ssz - 1));
    return v >= 0 && v < nodes ? v : -1;
  };
  // Colour each chain: 1 while on the walk being followed, 2 once known to end. Meeting a 1 is a loop.
  const state = new Uint8Array(nodes);
  const path: number[] = [];
  for (let start = 0; start < nodes; start++) {
    if (state[start]) continue;
    let j = start;
    while (j >= 0 && state[j] === 0) {
      state[j] = 1;
      path.push(j);
      j = next(j);
    }
    if (j >= 0 && state[j] === 1) throw corrupt();
    for (const p of path) state[p] = 2;
    path.length = 0;
  }

  // The directory: the chain from its first sector, as make_sector_list follows it (no loop, checked above).
  const parts: Buffer[] = [];
  for (let j = data.readInt32LE(48); j >= 0;) {
    const s = sector(j);
    if (!s) break;
    parts.push(s);
    const fat = sector(fatSectors[Math.floor(j / perSector)]);
    if (!fat) break;
    j = int32(fat, (j * 4) & (ssz - 1));
  }
  const directory = Buffer.concat(parts);
  const entries = Math.ceil(directory.length / 128);
  if (entries > MAX_ENTRIES) throw corrupt();
  const link = (i: number, at: number) => int32(directory.subarray(i * 128, i * 128 + 128), at);
  checkDirectoryTree(
    Array.from({ length: entries }, (_, i) => ({
      type: directory[i * 128 + 66] ?? 0,
      L: link(i, 68),
      R: link(i, 72),
      C: link(i, 76),
    })),
    corrupt,
  );
}

/**
 * SheetJS's build_full_paths, run on the links alone and bounded: its queue of entries to visit (which a
 * loop among the links makes endless) and each walk up from an entry to the root.
 */
function checkDirectoryTree(fi: { type: number; L: number; R: number; C: number }[], corrupt: () => DomainError): void {
  const pl = fi.length;
  const dad = new Map<number, number>();
  const q: number[] = [];
  // Where each entry last stands in q: q.lastIndexOf without searching q.
  const last = new Map<number, number>();
  for (let i = 0; i < pl; i++) {
    dad.set(i, i);
    q.push(i);
    last.set(i, i);
  }
  const queue = (x: number) => {
    last.set(x, q.length);
    q.push(x);
    if (q.length > 8 * pl + 64) throw corrupt();
  };
  // SheetJS's second pass reads the L and R left over from the first.
  let L = 0;
  let R = 0;
  // q grows while it is walked, hence the index loop.
  for (let j = 0; j < q.length; j++) {
    const i = q[j]!;
    const e = fi[i];
    if (!e) return; // SheetJS throws a TypeError here: refused as damaged there
    ({ L, R } = e);
    const { C } = e;
    if (dad.get(i) === i) {
      if (L !== -1 && dad.get(L) !== L) dad.set(i, dad.get(L)!);
      if (R !== -1 && dad.get(R) !== R) dad.set(i, dad.get(R)!);
    }
    if (C !== -1) dad.set(C, i);
    if (L !== -1 && i !== dad.get(i)) {
      dad.set(L, dad.get(i)!);
      if ((last.get(L) ?? -1) < j) queue(L);
    }
    if (R !== -1 && i !== dad.get(i)) {
      dad.set(R, dad.get(i)!);
      if ((last.get(R) ?? -1) < j) queue(R);
    }
  }
  for (let i = 1; i < pl; i++) {
    if (dad.get(i) !== i) continue;
    if (R !== -1 && dad.get(R) !== R) dad.set(i, dad.get(R)!);
    else if (L !== -1 && dad.get(L) !== L) dad.set(i, dad.get(L)!);
  }
  // Each path is built by walking up through dad; a loop there that misses the root never ends.
  for (let i = 1; i < pl; i++) {
    if (fi[i]!.type === 0) continue;
    let j = i;
    let steps = 0;
    if (j !== dad.get(j)) {
      do {
        j = dad.get(j)!;
        if (++steps > pl) throw corrupt();
      } while (j !== 0 && dad.get(j) !== -1 && j !== dad.get(j) && j !== undefined);
    }
    dad.set(i, -1);
  }
}
