import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  EDITOR_LANGUAGE_IDS, FILE_LANGUAGES, fileNamePattern, grammarOf, grammarToLoad, languageForFile, LANGUAGE_MODULES, literalShapeReaderOf, memberListOf,
  textFinderOf, treeFinderOf, wasmFileOf, workspaceFileGlob,
} from '../../../../src/core/languages/languageRegistry';

/** src/core/languages in the repository (tests run compiled from out/…). */
function languagesFolder(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const folder = path.join(dir, 'src', 'core', 'languages');
    if (fs.existsSync(path.join(dir, 'esbuild.js')) && fs.existsSync(folder)) return folder;
  }
  throw new Error('src/core/languages not found above ' + __dirname);
}

suite('language registry', () => {
  test('the workspace search glob names every ending the engine reads (Estimate Workspace)', () => {
    const endings = /^\*\*\/\*\.\{(.+)\}$/.exec(workspaceFileGlob())?.[1].split(',').sort();
    // The list Estimate Workspace searched before it was derived from the registry, with the templates of
    // prompts folders (st, tmpl, tpl) and appsettings.json (json) added since.
    assert.deepStrictEqual(endings, 'py,pyi,ts,mts,cts,tsx,js,mjs,cjs,jsx,go,java,cs,prompty,j2,jinja,jinja2,mustache,hbs,handlebars,txt,st,tmpl,tpl,yaml,yml,md,json,ipynb'.split(',').sort());
  });

  test('file names map to languages as they always did', () => {
    const cases: [string, string | null][] = [
      ['a.py', 'python'], ['a.pyi', 'python'], ['A.PY', 'python'], ['a.ts', 'typescript'], ['a.mts', 'typescript'], ['a.cts', 'typescript'],
      ['a.tsx', 'typescriptreact'], ['a.js', 'javascript'], ['a.mjs', 'javascript'], ['a.cjs', 'javascript'], ['a.jsx', 'javascriptreact'],
      ['a.go', 'go'], ['a.java', 'java'], ['a.cs', 'csharp'], ['a.prompt.md', 'prompt'], ['/x/y/.prompt.md', 'prompt'], ['a.prompty', 'prompty'],
      ['a.j2', 'jinja'], ['a.jinja', 'jinja'], ['a.jinja2', 'jinja'], ['a.mustache', 'mustache'], ['a.hbs', 'handlebars'], ['a.handlebars', 'handlebars'],
      ['a.d.ts', null], ['a.d.mts', null], ['a.d.cts', null], ['a.txt', null], ['a.md', null], ['/r/prompts/a.txt', 'plaintext'],
      ['/r/Prompts/sub/a.md', 'markdown'], ['C:\\r\\PROMPTS\\a.txt', 'plaintext'], ['/r/prompts.txt', null], ['.py', null], ['a.rs', null], ['Makefile', null],
      ['/r/prompts/a.prompt.md', 'prompt'],
      // Semantic Kernel: skprompt.txt by its whole name in any folder; YAML by extension (the reader checks the keys).
      ['/r/Plugins/Write/skprompt.txt', 'skprompt'], ['C:\\r\\SKPROMPT.TXT', 'skprompt'], ['/r/prompts/skprompt.txt', 'skprompt'], ['/r/myskprompt.txt', null],
      ['/r/story.yaml', 'skyaml'], ['/r/story.YML', 'skyaml'], ['/r/nb.ipynb', 'ipynb'], ['/r/nb.ipynb.py', 'python'],
      ['/r/webapi/appsettings.json', 'appsettings'], ['/r/package.json', null], ['/r/prompt/templates/commit.tmpl', 'plaintext'],
    ];
    for (const [file, language] of cases) assert.strictEqual(languageForFile(file), language, file);
  });

  test('the editor languages and prompt-file patterns are the ones the extension registered before the registry', () => {
    assert.deepStrictEqual(EDITOR_LANGUAGE_IDS, ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go', 'java', 'csharp', 'prompt', 'jinja', 'handlebars']);
    assert.deepStrictEqual(FILE_LANGUAGES.flatMap((l) => fileNamePattern(l) ?? []), [
      '**/*.prompt.md', '**/*.prompty', '**/*.{j2,jinja,jinja2}', '**/*.mustache', '**/*.{hbs,handlebars}',
      '**/skprompt.txt', '**/*.{yaml,yml}', '**/{prompts,Prompts,PROMPTS,prompt,Prompt,PROMPT}/**/*.{txt,st,tmpl,tpl}',
      '**/{prompts,Prompts,PROMPTS,prompt,Prompt,PROMPT}/**/*.md', '**/appsettings.json', '**/*.ipynb',
    ]);
    assert.deepStrictEqual(Object.fromEntries(FILE_LANGUAGES.filter((l) => l.editorLanguage).map((l) => [l.id, l.extensions[0]])), {
      python: '.py', typescript: '.ts', typescriptreact: '.tsx', javascript: '.js', javascriptreact: '.jsx', go: '.go', java: '.java', csharp: '.cs',
      prompt: '.prompt.md', jinja: '.j2', handlebars: '.hbs',
    });
  });

  test('every language is declared once, and its own file name maps back to it', () => {
    const ids = FILE_LANGUAGES.map((l) => l.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    const extensions = FILE_LANGUAGES.flatMap((l) => l.extensions);
    assert.strictEqual(new Set(extensions).size, extensions.length, 'no extension belongs to two languages');
    for (const language of FILE_LANGUAGES) {
      for (const extension of language.extensions) {
        const file = language.onlyInPromptsFolder ? `/r/prompts/a${extension}` : `/r/a${extension}`;
        assert.strictEqual(languageForFile(file), language.id, file);
      }
    }
  });

  test('a source language has a grammar its module declares, a finder on it, a literal reader, member lists and an escape dialect; a prompt file has a text reader', () => {
    for (const module of LANGUAGE_MODULES) {
      for (const language of module.fileLanguages) {
        if (language.grammar) {
          assert.ok(language.grammar in module.grammars, `${language.id}: ${module.name}/grammars.json declares ${language.grammar}`);
          assert.strictEqual(grammarOf(language.id), language.grammar);
          assert.strictEqual(treeFinderOf(language.id)?.grammar, language.grammar, `${language.id}'s finder reads its grammar`);
          assert.ok(literalShapeReaderOf(language.id), `${language.id} has a literal reader`);
          assert.strictEqual(memberListOf(language.grammar), module.memberList);
          assert.ok(module.escapeDialect, `${module.name} names its escape dialect`);
        } else {
          assert.strictEqual(grammarOf(language.id), null);
          assert.strictEqual(treeFinderOf(language.id), undefined);
          assert.ok(textFinderOf(language.id), `${language.id} has a text reader`);
          assert.strictEqual(module.escapeDialect, undefined, 'prompt files are text, not literals');
        }
      }
    }
  });

  test('a notebook is read as text, with the Python grammar loaded before its reader runs', () => {
    assert.strictEqual(grammarOf('ipynb'), null);
    assert.strictEqual(grammarToLoad('ipynb'), 'python');
    assert.strictEqual(grammarToLoad('python'), 'python');
    assert.strictEqual(grammarToLoad('skprompt'), null);
  });

  test('esbuild copies exactly the registered grammars: every folder with a grammars.json is a registered module', () => {
    const folder = languagesFolder();
    const folders = fs.readdirSync(folder).filter((name) => fs.existsSync(path.join(folder, name, 'grammars.json'))).sort();
    const withGrammars = LANGUAGE_MODULES.filter((m) => Object.keys(m.grammars).length > 0).map((m) => m.name).sort();
    assert.deepStrictEqual(folders, withGrammars);
    for (const module of LANGUAGE_MODULES) {
      const file = path.join(folder, module.name, 'grammars.json');
      if (fs.existsSync(file)) assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, 'utf8')), module.grammars, module.name);
    }
  });

  test('every grammar\'s wasm file ships with @vscode/tree-sitter-wasm', () => {
    const wasmDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
    for (const module of LANGUAGE_MODULES) {
      for (const grammar of Object.keys(module.grammars)) assert.ok(fs.existsSync(path.join(wasmDir, wasmFileOf(grammar))), grammar);
    }
    assert.throws(() => wasmFileOf('cobol'), /no language module declares the grammar cobol/);
  });
});
