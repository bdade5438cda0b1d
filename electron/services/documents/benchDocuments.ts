// How long ingestion takes on a document, for the bench script and a test that keeps it quick.
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from './analyzeDocument';

export async function benchDocuments(
  fileName: string,
  data: Buffer,
  runs = 5,
): Promise<{ medianMs: number; runs: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await analyzeDocument(fileName, data);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? NaN, runs };
}
