#!/usr/bin/env node
// npm run smoke: starts the real app with `--smoke` on a fresh temp data folder and reports what it did
// (electron/smoke.ts: window, ledger summary, one edit, one export, backup and log). Node ≥ 20.19.
//
//   npm run smoke                                  the checkout: builds, fetches Electron's sqlite binary if
//                                                  missing, runs `electron . --smoke`
//   npm run smoke -- --exe "C:\…\督办台账.exe"     a packaged app (release\win-unpacked or installed)
//
// Exit codes: 0 passed; 1 a step failed (or the app stopped without a report); 3 Electron could not start
// here (no binary, e.g. machines that reach only the npm registry, or no display). CI does not run this.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const exeIndex = args.indexOf('--exe');
const exe = exeIndex >= 0 ? path.resolve(args[exeIndex + 1] ?? '') : null;
const TIMEOUT_MS = 180_000;
export const EXIT_NO_ELECTRON = 3;

function cannotStart(why) {
  console.error(
    `无法启动 Electron，冒烟测试没有运行。/ Electron cannot start here; the smoke test did not run.\n${why}\n` +
      '在装有 Electron 的 Windows 电脑上运行 npm run smoke，或对安装好的程序运行 督办台账.exe --smoke。\n' +
      'Run `npm run smoke` on a Windows PC with Electron, or `督办台账.exe --smoke` on the installed app.',
  );
  process.exit(EXIT_NO_ELECTRON);
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(1);
}

let command;
let commandArgs;
if (exe) {
  if (!fs.existsSync(exe)) cannotStart(`找不到 / not found: ${exe}`);
  command = exe;
  commandArgs = ['--smoke'];
} else {
  try {
    command = require('electron'); // the path of the Electron binary; throws when it was never downloaded
  } catch (err) {
    cannotStart(`node_modules/electron: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!fs.existsSync(command)) cannotStart(`找不到 / not found: ${command}`);
  run(process.execPath, [path.join(root, 'scripts/native-electron.mjs'), '--ensure']);
  run('npm', ['run', 'build']);
  commandArgs = ['.', '--smoke'];
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-smoke-'));
console.log(`冒烟测试 / smoke test: ${command} ${commandArgs.join(' ')}\n数据文件夹 / data folder: ${dataDir}`);
const env = { ...process.env, DUBAN_DATA_DIR: dataDir, DUBAN_SMOKE_RUNNER: '1' };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
let started = false;
let output = '';
const relay = (stream, to) =>
  stream.on('data', (chunk) => {
    const text = chunk.toString('utf8');
    output += text;
    if (text.includes('DUBAN-SMOKE: main process started')) started = true;
    to.write(text);
  });
relay(child.stdout, process.stdout);
relay(child.stderr, process.stderr);
const timer = setTimeout(() => {
  console.error(
    `\n${TIMEOUT_MS / 1000} 秒内没有结束，已停止。/ Did not finish within ${TIMEOUT_MS / 1000} s; stopped.`,
  );
  child.kill();
}, TIMEOUT_MS);
child.on('error', (err) => {
  clearTimeout(timer);
  cannotStart(err.message);
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (!started)
    cannotStart(`程序没有运行到主进程 / the app exited before its main process ran (code ${code}, signal ${signal}).`);
  const report = path.join(dataDir, 'smoke-report.txt');
  const passed = code === 0 && fs.existsSync(report) && output.includes('PASSED');
  console.log(
    passed
      ? '\n冒烟测试通过，临时数据文件夹已删除。/ Smoke test passed; the temp data folder was removed.'
      : `\n冒烟测试未通过 / smoke test FAILED (exit ${code}). 数据文件夹保留以便检查 / data folder kept: ${dataDir}`,
  );
  if (passed) fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(passed ? 0 : 1);
});
