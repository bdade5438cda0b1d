// Looks at the sector chains of a legacy .xls (an OLE compound file) before SheetJS reads it. SheetJS
// follows a stream's chain without checking for a loop (get_sector_list in its CFB reader): a chain
// that loops back grows an array until V8 aborts the whole process, which a worker thread cannot
// contain (a damaged .xls with its header copied twice did it in the fuzz test). So the file allocation
// table is built here exactly as SheetJS builds it, and a file in which any chain loops is refused.
// Hand-written because the only maintained CFB reader for Node is SheetJS's own (the `cfb` package),
// which has this very loop; the check needs only the header, the DIFAT and the FAT ([MS-CFB] 2.2–2.4).
import { DomainError } from '../../../shared/errors';

const ENDOFCHAIN = -2;
const FREESECT = -1;

/** SheetJS reads an int32 byte by byte, a byte past the end of a short last sector counting as 0. */
function int32(sector: Buffer | undefined, at: number): number {
  if (!sector) return 0;
  return ((sector[at + 3] ?? 0) << 24) | ((sector[at + 2] ?? 0) << 16) | ((sector[at + 1] ?? 0) << 8) | (sector[at] ?? 0);
}

/** Throws `corrupt()` when some sector chain of the compound file loops; otherwise leaves the file to SheetJS. */
export function checkCfbChains(data: Buffer, corrupt: () => DomainError): void {
  if (data.length < 512) return; // SheetJS refuses it itself
  const major = data.readUInt16LE(26);
  if (major !== 3 && major !== 4) return;
  const ssz = major === 3 ? 512 : 4096;
  // As SheetJS's sectorify: sector i is the (i+1)th block of ssz bytes; the last one may be short.
  const count = Math.ceil(data.length / ssz) - 1;
  const sector = (i: number): Buffer | undefined => (Number.isInteger(i) && i >= 0 && i < count ? data.subarray((i + 1) * ssz, (i + 2) * ssz) : undefined);

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
}
