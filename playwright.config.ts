// How the e2e specs run: tests/e2e in Chromium at 1366×768, zh-CN and Asia/Shanghai, the system's Chromium when present.
import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Playwright never downloads a browser here: Debian's Chromium is used where it is installed.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  // Files are read in a worker: on a 2-core machine running two browsers that can take longer than
  // Playwright's 5 s default, which says nothing about the behaviour under test.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.DUBAN_CHROMIUM ?? systemChromium,
      args: [
        '--lang=zh-CN',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
