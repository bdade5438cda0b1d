#!/usr/bin/env node
// Entry for `npx duban`: runs the TypeScript CLI through tsx so it works straight after `npm install`.
require('tsx/cjs/api').register();
const { runCli } = require('./runCli.ts');
runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
  (code) => {
    process.exitCode = code;
  },
);
