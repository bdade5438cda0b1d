// One small seeded generator for the generated and fuzzed tests, so a printed seed replays a run exactly.
// Hand-written: mulberry32 is six lines, and fast-check's own generator is not meant to be drawn from directly.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
