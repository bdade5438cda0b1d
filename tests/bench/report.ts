// How the benches measure and print: medians, and each figure against its baseline from the same run.
export interface BenchLine {
  name: string;
  ms: number;
  /** Against the baseline measured in the same run. */
  ratio?: number;
  baseline?: boolean;
  goal?: string;
  extra?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function printBench(lines: BenchLine[]): void {
  for (const l of lines) {
    const ratio = l.baseline ? '(baseline)' : l.ratio !== undefined ? `${l.ratio.toFixed(2)}×` : '';
    console.log(
      `${l.name.padEnd(52)} ${l.ms.toFixed(1).padStart(9)} ms  ${ratio.padEnd(11)} ${l.goal ? `goal ${l.goal}` : ''} ${l.extra ?? ''}`,
    );
  }
}
