// Runs mocha inside the VS Code extension host over every `*.test.js` under one folder. Each integration
// suite's entry (`extensionTestsPath`: suite/index.ts, untrusted/index.ts) calls it with its own folder.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Finds every `*.test.js` under `dir` (its compiled files and sub-folders). */
function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith('.test.js'))
    .sort()
    .map((relative) => path.join(dir, relative));
}

/** Runs the tests under `dir`; rejects when a test fails, which makes the host exit with a non-zero code. */
export async function runMochaIn(dir: string): Promise<void> {
  // No colours: the host forwards console output as plain text to the runner's stdout.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000 });
  const files = findTestFiles(dir);
  if (files.length === 0) throw new Error(`no *.test.js files under ${dir}`);
  for (const file of files) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
