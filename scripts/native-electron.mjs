#!/usr/bin/env node
// Fetches better-sqlite3's prebuilt binary for Electron into native/electron/<prebuild name>/, beside (never
// over) the Node build `npm install` left in node_modules, so `npm test` and `npm start` each load their own
// (electron/native/sqliteBinding.ts picks one at run time). Runs on Node ≥ 20.19; needs no Electron binary.
//
//   node scripts/native-electron.mjs [--ensure] [--platform win32] [--arch x64] [--from 下载好的.tar.gz]
//
// --ensure   do nothing when the binary is already there (npm start / dist / smoke call it this way)
// --from     a prebuild archive fetched elsewhere (intranet PCs): better-sqlite3-v<版本>-electron-v<ABI>-<平台>-<架构>.tar.gz
// The download comes from better-sqlite3's GitHub releases through prebuild-install; a mirror can be set with
// npm_config_better_sqlite3_binary_host_mirror (e.g. https://registry.npmmirror.com/-/binary/better-sqlite3).
// Exit codes: 0 ok, 1 could not fetch (message says why and what to do), 2 bad arguments.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

export const NATIVE_DIR = path.join(root, 'native/electron');

export function electronTarget(args = process.argv.slice(2)) {
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const abi = require('node-abi').getAbi(electronVersion, 'electron');
  const platform = opt('platform', process.platform);
  const arch = opt('arch', process.arch);
  const name = `better-sqlite3-v${sqliteVersion}-electron-v${abi}-${platform}-${arch}`;
  return {
    electronVersion,
    sqliteVersion,
    abi,
    platform,
    arch,
    name,
    file: path.join(NATIVE_DIR, name, 'better_sqlite3.node'),
  };
}

function main() {
  const args = process.argv.slice(2);
  const known = new Set(['--ensure', '--platform', '--arch', '--from']);
  for (let i = 0; i < args.length; i++) {
    if (!known.has(args[i])) {
      console.error(`未知参数 / unknown option: ${args[i]}`);
      process.exit(2);
    }
    if (args[i] !== '--ensure') i++;
  }
  const target = electronTarget(args);
  if (args.includes('--ensure') && fs.existsSync(target.file)) {
    console.log(`Electron 用数据库组件已就绪 / ready: ${path.relative(root, target.file)}`);
    return;
  }
  const fromIndex = args.indexOf('--from');
  const from = fromIndex >= 0 ? path.resolve(args[fromIndex + 1] ?? '') : null;

  // prebuild-install works in a package folder: a scratch one holding only better-sqlite3's package.json, so
  // node_modules/better-sqlite3/build (Node's binary) is never touched.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-native-'));
  try {
    fs.copyFileSync(require.resolve('better-sqlite3/package.json'), path.join(scratch, 'package.json'));
    if (from) {
      // prebuild-install looks in ./prebuilds for the archive before it downloads anything.
      fs.mkdirSync(path.join(scratch, 'prebuilds'));
      fs.copyFileSync(from, path.join(scratch, 'prebuilds', `${target.name}.tar.gz`));
    }
    console.log(`正在获取 / fetching ${target.name} (Electron ${target.electronVersion}) …`);
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime',
        'electron',
        '--target',
        target.electronVersion,
        '--platform',
        target.platform,
        '--arch',
        target.arch,
        '--verbose',
      ],
      { cwd: scratch, encoding: 'utf8', env: process.env },
    );
    const built = path.join(scratch, 'build/Release/better_sqlite3.node');
    if (result.status !== 0 || !fs.existsSync(built)) {
      const said = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-4).join('\n');
      console.error(
        [
          `无法获取 Electron 用的数据库组件 ${target.name}。`,
          `Could not fetch ${target.name}.`,
          said && `prebuild-install: ${said}`,
          '可以 / Either:',
          `  · 在能访问 GitHub 的电脑上运行 npm run native:electron；`,
          `  · 设置镜像 / set a mirror: npm_config_better_sqlite3_binary_host_mirror=https://registry.npmmirror.com/-/binary/better-sqlite3`,
          `  · 或在别处下载 / or download https://github.com/WiseLibs/better-sqlite3/releases/download/v${target.sqliteVersion}/${target.name}.tar.gz`,
          `    然后 / then: node scripts/native-electron.mjs --from ${target.name}.tar.gz`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      process.exit(1);
    }
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    fs.copyFileSync(built, target.file);
    console.log(`已保存 / saved ${path.relative(root, target.file)}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
