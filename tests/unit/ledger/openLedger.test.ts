// Opening a ledger file: a new one created, and foreign, damaged or newer files refused untouched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/db/connection';
import { latestVersion } from '../../../electron/db/migrate';
import { tempDir } from './helpers';

describe('openLedger', () => {
  it('creates a ledger with the current schema, WAL and foreign keys, and reopens it unchanged', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const db = openLedger(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare("INSERT INTO unit (name) VALUES ('县财政局')").run();
    db.close();
    const again = openLedger(file, { create: false });
    expect(again.prepare('SELECT name FROM unit').all()).toEqual([{ name: '县财政局' }]);
    again.close();
  });

  it('refuses a missing file when asked not to create one', () => {
    expect(() => openLedger(path.join(tempDir(), 'nope.sqlite'), { create: false })).toThrow(/找不到台账文件/);
  });

  it('refuses a file that is not a database', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, '这是一份会议记录，不是数据库。'.repeat(200));
    expect(() => openLedger(file, { create: false })).toThrow(/不是督办台账文件/);
  });

  it("refuses another program's SQLite database", () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.close();
    expect(() => openLedger(file, { create: false })).toThrow(/是其他程序的数据库/);
  });

  it('refuses a ledger written by a newer version instead of damaging it', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    openLedger(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion() + 1}`);
    raw.close();
    expect(() => openLedger(file, { create: false })).toThrow(/更新版本的督办台账/);
  });

  it('reports a damaged ledger and points to the backups', () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    const db = openLedger(file);
    const insert = db.prepare('INSERT INTO audit_log (at, entity, action, after) VALUES (?, ?, ?, ?)');
    for (let i = 0; i < 2000; i++) insert.run('2026-01-01', 'unit', 'create', 'x'.repeat(200));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    // Scribble over the middle pages: the header stays valid, the b-tree does not.
    bytes.fill(0xab, 8192, bytes.length - 8192);
    fs.writeFileSync(file, bytes);
    expect(() => openLedger(file, { create: false })).toThrow(/已损坏.*backups/);
  });
});
