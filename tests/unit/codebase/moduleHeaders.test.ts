// Every module of the app, its scripts and its tests opens with a comment saying its job, so a newcomer knows
// what a file is for before reading it (issue 13). Fails naming each module that does not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const FOLDERS = ['electron', 'shared', 'renderer', 'tests', 'scripts'];
const MODULE = /\.(ts|tsx|mjs|cjs)$/;
/** Built, installed or generated: nobody writes these by hand. tests/fixtures holds inputs, not modules. */
const SKIPPED = new Set(['node_modules', 'dist', 'release', 'native', 'test-results', 'playwright-report']);
const SKIPPED_PATHS = new Set(['tests/fixtures']);
const GENERATED = /@generated|DO NOT EDIT/;
/** Comments that instruct a tool rather than say what the module is for. */
const DIRECTIVE = /^(?:\/\/|\/\*+)\s*(?:eslint|prettier|@ts-|istanbul|c8|global\b|jshint)/;

/** The build and test configuration at the root, which a newcomer reads first. */
const ROOT_MODULES = ['eslint.config.mjs', 'playwright.config.ts', 'vitest.config.ts'];

function modules(dir: string): string[] {
  if (SKIPPED_PATHS.has(dir)) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return SKIPPED.has(d.name) ? [] : modules(rel);
    return d.isFile() && MODULE.test(d.name) ? [rel] : [];
  });
}

/** The module's first line after a shebang, or why it does not say its job. */
function headerProblem(text: string): string | null {
  const lines = text.split(/\r?\n/);
  const first = (lines[0]?.startsWith('#!') ? lines[1] : lines[0])?.trim() ?? '';
  if (!first.startsWith('//') && !first.startsWith('/*')) return `line 1 is not a comment: ${first.slice(0, 60)}`;
  if (DIRECTIVE.test(first)) return `line 1 is a tool directive, not the module's job: ${first.slice(0, 60)}`;
  if (/^(?:\/\/|\/\*+)\s*$/.test(first) && !first.startsWith('/**')) return 'line 1 is an empty comment';
  return null;
}

describe('every module opens with one line saying its job', () => {
  it('finds the modules it is meant to check', () => {
    const all = FOLDERS.flatMap(modules);
    expect(all).toContain('electron/main.ts');
    expect(all).toContain('renderer/src/App.tsx');
    expect(all.some((f) => f.startsWith('tests/fixtures/'))).toBe(false);
  });

  it('tells a header from a missing one', () => {
    expect(headerProblem("// Opens the ledger.\nimport x from 'y';")).toBeNull();
    expect(headerProblem('#!/usr/bin/env node\n// Runs the CLI.\n')).toBeNull();
    expect(headerProblem('/** A dropped file as base64. */\nexport {};')).toBeNull();
    expect(headerProblem("import x from 'y';\n// too late\n")).toMatch(/not a comment/);
    expect(headerProblem("\n// after a blank line\nimport x from 'y';")).toMatch(/not a comment/);
    expect(headerProblem('/* eslint-disable */\nexport {};')).toMatch(/directive/);
  });

  it('every module under electron/, shared/, renderer/, tests/ and scripts/ starts with its job', () => {
    const missing = [...ROOT_MODULES, ...FOLDERS.flatMap(modules)].flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      if (GENERATED.test(text.slice(0, 500))) return [];
      const problem = headerProblem(text);
      return problem ? [`${file}: ${problem}`] : [];
    });
    expect(missing, 'add one `//` line at the top of each saying what the module is for').toEqual([]);
  });
});
