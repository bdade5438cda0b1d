// Starts the reader worker from the TypeScript sources (the CLI through tsx, vitest, the e2e harness),
// as electron/cli/duban.cjs starts the CLI; the app runs the bundled dist/main/readerWorker.js.
require('tsx/cjs/api').register();
require('./readerWorker.ts');
