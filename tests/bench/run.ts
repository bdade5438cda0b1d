// npm run bench: prints figures and ratios against baselines measured in the same run. Not part of
// npm test: speed is reported, never asserted.
import { runExportBench } from './exportBench';
import { runGridBench } from './gridBench';
import { runDocumentsBench } from './documentsBench';
import { runReturnsBench } from './returnsBench';
import { printBench } from './report';

async function main(): Promise<void> {
  const only = process.argv[2];
  const cases: [string, () => Promise<import('./report').BenchLine[]>][] = [
    ['grid', runGridBench],
    ['ingest', runDocumentsBench],
    ['export', runExportBench],
    ['returns', runReturnsBench],
  ];
  for (const [name, run] of cases) {
    if (only && only !== name) continue;
    console.log(`\n== ${name} ==`);
    printBench(await run());
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
