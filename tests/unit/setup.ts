// Runs before every unit test file (vitest.config.ts setupFiles): cleans up the temp folders it made.
import { afterAll } from 'vitest';
import { makeTempDir, removeTempDirs } from './tempDirs';

// The CLI logs to the app's per-user logs folder (electron/logging/fileLog.ts); tests keep theirs apart.
process.env.DUBAN_LOG_DIR ??= makeTempDir('duban-logs-');

afterAll(removeTempDirs);
