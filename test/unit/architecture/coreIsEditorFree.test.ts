import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const repoRoot = path.resolve(__dirname, '../../../..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or requires, read with the TypeScript parser (not a regex). */
function importedModules(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

suite('architecture', () => {
  test('src/core and src/cli never import vscode, directly or through src/vscode', () => {
    const files = [...tsFiles(path.join(repoRoot, 'src/core')), ...tsFiles(path.join(repoRoot, 'src/cli'))];
    assert.ok(files.length > 5, `expected core files, found ${files.length}`);
    const offenders = files.flatMap((file) => importedModules(file)
      .filter((spec) => spec === 'vscode' || spec.startsWith('vscode/') || /(^|\/)vscode(\/|$)/.test(path.relative(repoRoot, path.resolve(path.dirname(file), spec))) && spec.startsWith('.'))
      .map((spec) => `${path.relative(repoRoot, file)} imports '${spec}'`));
    assert.deepStrictEqual(offenders, []);
  });

  test('every file in src/vscode uses VS Code: VS Code-free code belongs in src/core', () => {
    const files = tsFiles(path.join(repoRoot, 'src/vscode'));
    assert.ok(files.length > 10, `expected adapter files, found ${files.length}`);
    const free = files.filter((file) => !importedModules(file).includes('vscode')).map((file) => path.relative(repoRoot, file));
    assert.deepStrictEqual(free, []);
  });

  test('the import reader itself sees a vscode import (the check can fail)', () => {
    const tmp = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'arch-')), 'bad.ts');
    fs.writeFileSync(tmp, "import * as vscode from 'vscode';\nconst x = require('vscode');\n");
    assert.deepStrictEqual(importedModules(tmp), ['vscode', 'vscode']);
  });
});
