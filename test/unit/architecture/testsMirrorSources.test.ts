import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * test/unit mirrors src: the test of `src/<p>/X.ts` is `test/unit/<p>/X.test.ts` (or `X.<aspect>.test.ts`,
 * e.g. `X.property.test.ts`), so a reader finds a file's tests without searching. Support files that are
 * not tests (fixtures, fakes) may sit beside them.
 */

const repoRoot = path.resolve(__dirname, '../../../..');

/** The folders of test/unit (relative to it) laid out like src/ and checked here: all of it. */
const MIRRORED_ROOTS: readonly string[] = ['.'];

/** Tests that check something other than one source file, with why (paths relative to test/unit; a folder ends in `/`). */
const NOT_MIRRORED: Readonly<Record<string, string>> = {
  'architecture/': 'rules over the whole tree (no vscode in core, this mirror), not the behaviour of one source file',
  'cli/scanCommand.bundle.test.ts': 'runs the built bundle (dist/cli.js) as a user would, so it imports nothing from src',
};

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const posix = (p: string) => p.split(path.sep).join('/');

/** `test/unit/<p>/X.test.ts` → `src/<p>/X.ts` (both relative to the repository); null when it is not a test file. */
function mirroredSource(testFile: string): string | null {
  const match = /^test\/unit\/(.+\/)?([^/.]+)(\.[A-Za-z]+)?\.test\.ts$/.exec(testFile);
  return match ? `src/${match[1] ?? ''}${match[2]}.ts` : null;
}

/** Does the test import the source it mirrors (a relative import resolving to it)? */
function importsSource(root: string, testFile: string, source: string): boolean {
  const text = fs.readFileSync(path.join(root, testFile), 'utf8');
  const wanted = path.join(root, source.replace(/\.ts$/, ''));
  return ts.preProcessFile(text, true, true).importedFiles.some(
    (f) => f.fileName.startsWith('.') && path.resolve(path.dirname(path.join(root, testFile)), f.fileName).replace(/\.(ts|js)$/, '') === wanted,
  );
}

/**
 * Every problem with the layout of `roots` under `<root>/test/unit`: a test whose mirrored source does not
 * exist or that does not import it, a root that holds no file, an exception naming nothing.
 */
function mirrorProblems(root: string, roots: readonly string[], exceptions: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const unit = path.join(root, 'test/unit');
  const excepted = (rel: string) => Object.keys(exceptions).some((e) => (e.endsWith('/') ? rel.startsWith(e) : rel === e));
  for (const r of roots) {
    const found = files(path.join(unit, r));
    if (found.length === 0) problems.push(`test/unit/${r} holds no file (a stale entry of MIRRORED_ROOTS?)`);
    for (const file of found) {
      const rel = posix(path.relative(unit, file));
      if (!rel.endsWith('.test.ts') || excepted(rel)) continue;
      const testFile = `test/unit/${rel}`;
      const source = mirroredSource(testFile);
      if (source === null) problems.push(`${testFile}: not named X.test.ts or X.<aspect>.test.ts`);
      else if (!fs.existsSync(path.join(root, source))) problems.push(`${testFile}: no ${source} to test; move it beside the mirror of what it tests`);
      else if (!importsSource(root, testFile, source)) problems.push(`${testFile}: does not import ${source}, the source it mirrors`);
    }
  }
  for (const e of Object.keys(exceptions)) {
    if (!fs.existsSync(path.join(unit, e))) problems.push(`NOT_MIRRORED names test/unit/${e}, which does not exist`);
  }
  return problems;
}

suite('architecture: test/unit mirrors src', () => {
  test('every test in the mirrored folders tests the source at its mirrored path', () => {
    assert.deepStrictEqual(mirrorProblems(repoRoot, MIRRORED_ROOTS, NOT_MIRRORED), []);
  });

  test('the mirror of a test path is the source path', () => {
    assert.strictEqual(mirroredSource('test/unit/core/presentation/lens/lensTitle.test.ts'), 'src/core/presentation/lens/lensTitle.ts');
    assert.strictEqual(mirroredSource('test/unit/editor/incrementalRefind.property.test.ts'), 'src/editor/incrementalRefind.ts');
    assert.strictEqual(mirroredSource('test/unit/top.test.ts'), 'src/top.ts');
    assert.strictEqual(mirroredSource('test/unit/core/presentation/analysisFixtures.ts'), null);
  });

  test('the check reports a misplaced test, a test of nothing, a test not importing its source and a stale exception', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('src/core/presentation/lens/lensTitle.ts', 'export const x = 1;\n');
    write('src/core/presentation/hover/hoverMarkdown.ts', 'export const y = 1;\n');
    write('test/unit/core/presentation/lens/lensTitle.test.ts', "import { x } from '../../../../../src/core/presentation/lens/lensTitle';\n");
    write('test/unit/core/presentation/lens/fixtures.ts', 'export const z = 1;\n');
    write('test/unit/core/presentation/hover/lensTitle.test.ts', "import { x } from '../../../../../src/core/presentation/lens/lensTitle';\n");
    write('test/unit/core/presentation/hover/hoverMarkdown.test.ts', "import { x } from '../../../../../src/core/presentation/lens/lensTitle';\n");
    write('test/unit/architecture/rule.test.ts', '');
    try {
      assert.deepStrictEqual(mirrorProblems(root, ['core/presentation', 'architecture'], { 'architecture/': 'rules', 'gone/x.test.ts': 'stale' }).sort(), [
        'NOT_MIRRORED names test/unit/gone/x.test.ts, which does not exist',
        'test/unit/core/presentation/hover/hoverMarkdown.test.ts: does not import src/core/presentation/hover/hoverMarkdown.ts, the source it mirrors',
        'test/unit/core/presentation/hover/lensTitle.test.ts: no src/core/presentation/hover/lensTitle.ts to test; move it beside the mirror of what it tests',
      ]);
      assert.deepStrictEqual(mirrorProblems(root, ['core/presentaton'], {}), ['test/unit/core/presentaton holds no file (a stale entry of MIRRORED_ROOTS?)']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
