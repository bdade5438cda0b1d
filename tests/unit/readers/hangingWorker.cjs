// The reader worker, except that a file whose name starts with "hang" never finishes: its reading
// spins forever, as SheetJS did on some damaged .xlsx. Proves the main process stops a worker that
// runs past the time limit, whatever the cause. This listener is added before the real worker's, so
// it sees each request first.
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (request) => {
  if (typeof request.fileName === 'string' && request.fileName.startsWith('hang')) for (;;);
});
require('../../../electron/services/readers/readerWorker.source.cjs');
