// Character bigrams of normalized work-item text as small dense numbers, for matchWorkItem's index.

/**
 * Two UTF-16 code units packed into one int32 is one-to-one with the two-unit string slice, so
 * numbers stand in for strings without merging grams that differ; they cost no allocation.
 */
export function packGram(s: string, i: number): number {
  return (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
}

/**
 * packGram → dense number, open addressing in typed arrays: a 10,000-item ledger has some 400,000
 * grams to number, several times faster than through a Map.
 */
export class GramNumbers {
  size = 0;
  private grams = new Int32Array(1024);
  /** -1 where the slot is empty. */
  private numbers = new Int32Array(1024).fill(-1);
  /** 32 - log2(slots): the multiplicative hash keeps its best-mixed top bits. */
  private shift = 22;

  private slot(gram: number): number {
    const mask = this.numbers.length - 1;
    let at = Math.imul(gram, 0x9e3779b1) >>> this.shift;
    while (this.numbers[at] !== -1 && this.grams[at] !== gram) at = (at + 1) & mask;
    return at;
  }

  get(gram: number): number | undefined {
    const n = this.numbers[this.slot(gram)];
    return n === -1 ? undefined : n;
  }

  /** The gram's number, the next free one if it had none. */
  number(gram: number): number {
    let at = this.slot(gram);
    const known = this.numbers[at]!;
    if (known !== -1) return known;
    if (2 * (this.size + 1) > this.numbers.length) {
      this.grow();
      at = this.slot(gram);
    }
    this.grams[at] = gram;
    this.numbers[at] = this.size;
    return this.size++;
  }

  private grow(): void {
    const { grams, numbers } = this;
    this.grams = new Int32Array(grams.length * 2);
    this.numbers = new Int32Array(numbers.length * 2).fill(-1);
    this.shift -= 1;
    for (const [i, n] of numbers.entries()) {
      if (n === -1) continue;
      // grams and numbers are parallel arrays of one length.
      const gram = grams[i]!;
      const at = this.slot(gram);
      this.grams[at] = gram;
      this.numbers[at] = n;
    }
  }
}
