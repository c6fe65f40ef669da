import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * No source file holds more than 400 lines of logic: a file that long holds several concepts. Data tables
 * (phrase lists, price and SDK tables) are exempt, each named here with why.
 */
const repoRoot = path.resolve(__dirname, '../../../..');
const MAX_LOGIC_LINES = 400;

const DATA_TABLES: Readonly<Record<string, string>> = {
  'src/core/compress/phraseTable.ts': 'the safe phrase rewrites, one entry a line',
};

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Lines that are neither blank nor only a comment. */
export function logicLines(text: string): number {
  let inBlock = false;
  let count = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (inBlock) {
      if (line.includes('*/')) inBlock = false;
      continue;
    }
    if (!line || line.startsWith('//')) continue;
    if (line.startsWith('/*')) {
      inBlock = !line.includes('*/');
      continue;
    }
    count++;
  }
  return count;
}

suite('architecture: file size', () => {
  test(`no file in src has more than ${MAX_LOGIC_LINES} lines of logic (data tables excepted)`, () => {
    const over = tsFiles(path.join(repoRoot, 'src'))
      .map((file) => ({ file: path.relative(repoRoot, file).split(path.sep).join('/'), lines: logicLines(fs.readFileSync(file, 'utf8')) }))
      .filter(({ file, lines }) => lines > MAX_LOGIC_LINES && !(file in DATA_TABLES))
      .map(({ file, lines }) => `${file}: ${lines} lines of logic`);
    assert.deepStrictEqual(over, []);
  });

  test('every exempt data table still exists (the list cannot go stale)', () => {
    for (const file of Object.keys(DATA_TABLES)) assert.ok(fs.existsSync(path.join(repoRoot, file)), `${file} no longer exists`);
  });

  test('comments and blank lines are not logic; code is (the count can fail)', () => {
    assert.strictEqual(logicLines('/**\n * doc\n */\n// note\n\nconst a = 1;\n/* one */\nlet b = a; // trailing\n'), 2);
  });
});
