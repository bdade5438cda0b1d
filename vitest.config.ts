// How the unit tests run: tests/unit in Node, temp folders cleaned and every mock put back after each test.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `@shared/…` as in tsconfig.json and renderer/vite.config.ts, for renderer modules under test.
  resolve: { alias: { '@shared': path.resolve(__dirname, 'shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // Only a hang should fail a test: the CLI and crash tests start child processes, which on a loaded
    // 2-core machine took 40–70 s where a quiet one takes a few.
    testTimeout: 120_000,
    pool: 'forks',
    // Every spy, stubbed env and stubbed global is put back after each test, so no test leaks into the next.
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
  },
});
