// Runs Doyensec's electronegativity over the app's Electron code and its index.html, offline: the tool fetches
// translations and Electron release notes over the network on every run; here `got` is replaced by a stub
// that fails at once, so nothing leaves the machine and the checks that need no network still run.
// Usage: node runElectronegativity.cjs <input-folder> <out.csv>
const Module = require('node:module');
const originalLoad = Module._load;
const offline = () => Promise.reject(new Error('offline'));
offline.head = offline;
offline.get = offline;
Module._load = function load(request, ...rest) {
  if (request === 'got') return Object.assign(offline, { default: offline });
  return originalLoad.call(this, request, ...rest);
};
const [input, out] = process.argv.slice(2);
process.argv = [
  process.argv[0],
  'electronegativity',
  '-i',
  input,
  '-o',
  out,
  '-r',
  '-v',
  'false',
  // The version check needs the network; which Electron we ship is pinned in package.json anyway.
  '-x',
  'AvailableSecurityFixesGlobalCheck',
  '-e',
  require('electron/package.json').version,
];
require('@doyensec/electronegativity/dist/index.js');
