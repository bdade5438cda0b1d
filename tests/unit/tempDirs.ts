// Temp folders made by unit tests, removed after each test file (tests/unit/setup.ts) so runs leave nothing behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new empty folder under the system temp folder, removed once the test file has finished. */
export function makeTempDir(prefix = 'duban-unit-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder made so far; a folder still held open (Windows) is left for the system to clean. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Best effort: a leftover temp folder must not fail the run.
    }
  }
}
