// The log shared by the app and the CLI (electron/logging/fileLog.ts): JSON lines, daily files split by size,
// old days deleted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cliLogDir, createFileLog, pruneOldLogs, userDataDir } from '../../../electron/logging/fileLog';
import { makeTempDir } from '../tempDirs';

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { level: string; message: string; detail?: { message?: string } });

describe('the rotated log', () => {
  it('writes one JSON line per event, an error with its message and stack', () => {
    const dir = makeTempDir();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = createFileLog(dir, { today: () => '2026-11-23' });
    log('info', 'started');
    log('error', 'handler x failed', new Error('boom'));
    const written = lines(path.join(dir, 'duban-2026-11-23.log'));
    expect(written.map((l) => [l.level, l.message])).toEqual([
      ['info', 'started'],
      ['error', 'handler x failed'],
    ]);
    expect(written[1]!.detail?.message).toBe('boom');
  });

  it('goes on in .1.log, .2.log once a day’s file is full', () => {
    const dir = makeTempDir();
    const log = createFileLog(dir, { today: () => '2026-11-23', maxBytes: 300 });
    for (let i = 0; i < 8; i++) log('info', `line ${i} ${'x'.repeat(60)}`);
    const files = fs.readdirSync(dir).sort();
    // About 130 bytes a line: two lines a file.
    expect(files).toEqual([
      'duban-2026-11-23.1.log',
      'duban-2026-11-23.2.log',
      'duban-2026-11-23.3.log',
      'duban-2026-11-23.log',
    ]);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(300);
    expect(files.flatMap((f) => lines(path.join(dir, f))).length).toBe(8);
  });

  it('deletes days older than keepDays when a new day starts, of its own stem only', () => {
    const dir = makeTempDir();
    for (const name of [
      'duban-2026-09-01.log',
      'duban-2026-09-01.1.log',
      'duban-2026-11-01.log',
      'duban-cli-2026-09-01.log',
      'notes.txt',
    ])
      fs.writeFileSync(path.join(dir, name), 'x\n');
    expect(pruneOldLogs(dir, 'duban', '2026-11-23', 30).sort()).toEqual([
      'duban-2026-09-01.1.log',
      'duban-2026-09-01.log',
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['duban-2026-11-01.log', 'duban-cli-2026-09-01.log', 'notes.txt']);
  });

  it('puts the CLI’s log in the app’s per-user logs folder (%APPDATA%\\督办台账\\logs), or DUBAN_LOG_DIR', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\k\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\k\\AppData\\Roaming', '督办台账'),
    );
    expect(userDataDir({ DUBAN_DATA_DIR: '/d' }, 'win32')).toBe('/d');
    expect(cliLogDir({ DUBAN_LOG_DIR: '/logs', APPDATA: 'C:\\x' })).toBe('/logs');
    expect(cliLogDir({ XDG_CONFIG_HOME: '/home/k/.config' })).toBe(
      process.platform === 'win32' || process.platform === 'darwin'
        ? path.join(userDataDir({}), 'logs')
        : path.join('/home/k/.config', '督办台账', 'logs'),
    );
  });
});
