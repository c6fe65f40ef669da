/**
 * Property: whatever the edits, the incremental re-find (incremental parse, and reuse of the last results
 * when the edited declarations did not matter) reports exactly what a full find of the new text reports.
 * Seeded random edit sequences on every prompt fixture of every language: edits inside prompts and model
 * names, constants that prompts use added, changed and removed, names renamed to names in use, lines
 * copied from elsewhere, typing, edits at the file's start and end, several edits in one batch.
 *
 * Two oracles per find: the finder's full walk of the same incrementally parsed tree (kept here with the
 * same edits, as the re-find did before it reused anything), which the re-find must always equal; and
 * `findPromptsSync` of the text, parsed from scratch, which it must equal whenever that walk does. Around
 * syntax errors, tree-sitter's incremental parse can recover differently from a fresh parse (a handful of
 * finds in tens of thousands here, never without an error in the tree); those finds are counted.
 * (Other seeds can also hang tree-sitter-typescript itself, on `{"":""t."}])a h u i.\``.)
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Tree } from '@vscode/tree-sitter-wasm';
import { IncrementalPromptParser, type TextEdit } from '../../../../src/core/pipeline/incrementalPromptParser';
import { finderForLanguage, findPromptsSync, warmGrammar } from '../../../../src/core/prompts/findPrompts';
import { loadedParser } from '../../../../src/core/prompts/parser';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';
import { languageForFile } from '../../../../src/core/prompts/sourceLanguage';
import { generatePythonFile } from '../../../../bench/editor';
import { seededRandom } from '../../../support/seededRandom';

// Compiled to out/test/unit/editor: the repository root is four levels up.
const ROOT = path.resolve(__dirname, '../../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/prompts');
/** Finds per document: each is one edit (or one batch of edits) followed by a re-find. */
const STEPS_PER_DOCUMENT = 80;

interface Document {
  file: string;
  text: string;
}

function fixtureDocuments(): Document[] {
  const documents: Document[] = [];
  for (const folder of fs.readdirSync(FIXTURES).sort()) {
    for (const name of fs.readdirSync(path.join(FIXTURES, folder)).sort()) {
      if (name.endsWith('.json')) continue;
      documents.push({ file: `/fixtures/${folder}/${name}`, text: fs.readFileSync(path.join(FIXTURES, folder, name), 'utf8') });
    }
  }
  return documents;
}

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

/** Snippets that are no part of a prompt or a call on their own. */
const FILLERS = ['x', '1', ' ', '\n', '\n\n', '_', '.', ',', '(', ')', '{', '}', '[', ']', ':', ';', '=', '"', "'", '`', '#', '//', '/*', '*/', '\\', 'é', '😀', '\t', 'if ', 'return ', 'None', 'null', 'let ', 'var '];
/** Snippets that can make a string a prompt or change a call. */
const LOADED = [
  '"You are a helpful assistant. Answer briefly."',
  'SYSTEM_PROMPT',
  'prompt',
  'model="gpt-4o"',
  '"gpt-4.1-mini"',
  '"claude-sonnet-4-5"',
  'max_tokens=99',
  'MaxTokens: 99,',
  '{"role": "system", "content": "Always answer in JSON."}',
  'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Summarize the text."}])',
  'import litellm\n',
  'from openai import OpenAI as Client\n',
  'log.info(SYSTEM_PROMPT)',
  ' + " Explain step by step."',
  '.format(name=name)',
];
/** Words (identifiers, keywords, model ids) of a text. */
const WORDS = /[A-Za-z_$][\w$]*(?:-[\w.]+)*/g;

/** One edit on `text`, in one of the ways the suite aims at; `prompts` are the current findings. */
function randomEdit(random: Random, text: string, prompts: readonly FoundPrompt[]): TextEdit {
  const at = (offset: number, length: number, insert: string): TextEdit => {
    const start = Math.max(0, Math.min(offset, text.length));
    return { rangeOffset: start, rangeLength: Math.max(0, Math.min(length, text.length - start)), text: insert };
  };
  const anywhere = () => between(random, 0, text.length);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)].filter((i) => i <= text.length);
  const lineAt = (start: number) => {
    const end = text.indexOf('\n', start);
    return end === -1 ? text.slice(start) : text.slice(start, end + 1);
  };
  switch (between(random, 0, 11)) {
    case 0: // small change anywhere
      return at(anywhere(), between(random, 0, 4), pick(random, FILLERS));
    case 1: { // inside a prompt
      const prompt = prompts.length ? pick(random, prompts) : null;
      if (!prompt) return at(anywhere(), 1, '');
      const offset = between(random, prompt.startOffset, prompt.endOffset);
      return at(offset, between(random, 0, 3), pick(random, ['please ', 'x', '', '{topic}', '\n', '"', ' JSON ']));
    }
    case 2: { // inside a model name
      const models = [...text.matchAll(/(gpt|claude|gemini|o[34])[\w.-]*/gi)];
      if (!models.length) return at(anywhere(), 0, pick(random, LOADED));
      const model = pick(random, models);
      const offset = model.index! + between(random, 0, model[0].length);
      return at(offset, between(random, 0, 2), pick(random, ['', '4', '-mini', 'o', 'x']));
    }
    case 3: { // a line that binds a name to a value: removed, changed or copied
      const bindings = lineStarts.filter((s) => /^\s*[\w$ .<>:]*\b\w+\s*(:?=)[^=]/.test(lineAt(s)));
      if (!bindings.length) return at(anywhere(), 0, 'SYSTEM_PROMPT = "Be brief."\n');
      const start = pick(random, bindings);
      const line = lineAt(start);
      const roll = random();
      if (roll < 0.35) return at(start, line.length, '');
      if (roll < 0.7) return at(pick(random, lineStarts), 0, line.endsWith('\n') ? line : line + '\n');
      const eq = line.search(/=/);
      return at(start + eq + 1, 0, pick(random, [' "You are a strict reviewer. Reply in JSON." +', ' 42 +', ' other_name or', ' "']));
    }
    case 4: { // a name replaced by another name of the file
      const words = [...text.matchAll(WORDS)];
      if (words.length < 2) return at(anywhere(), 0, 'x');
      const word = pick(random, words);
      return at(word.index!, word[0].length, pick(random, words)[0]);
    }
    case 5: // at the start or the end of the file
      return random() < 0.5
        ? at(0, between(random, 0, 3), pick(random, [...FILLERS, ...LOADED, '# comment\n', '']))
        : at(text.length - between(random, 0, 3), 3, pick(random, [...FILLERS, ...LOADED, '\n', '']));
    case 6: // a line copied from elsewhere
      return at(pick(random, lineStarts), 0, lineAt(pick(random, lineStarts)));
    case 7: // a line removed
      { const start = pick(random, lineStarts); return at(start, lineAt(start).length, ''); }
    case 8: // something that may matter, anywhere
      return at(anywhere(), between(random, 0, 2), pick(random, LOADED));
    case 9: { // a comment or blank line between declarations
      const start = pick(random, lineStarts);
      return at(start, 0, pick(random, ['\n', '# note\n', '// note\n', '    \n']));
    }
    case 10: { // a digit or a name inside a line away from the prompts
      const starts = lineStarts.filter((s) => !prompts.some((p) => p.startOffset <= s + lineAt(s).length && s <= p.endOffset));
      const start = starts.length ? pick(random, starts) : anywhere();
      return at(start + between(random, 0, lineAt(start).length), between(random, 0, 1), pick(random, ['9', 'x', 'tmp', ' ', '']));
    }
    default: { // a selection replaced
      const start = anywhere();
      return at(start, between(random, 0, 40), random() < 0.5 ? '' : text.slice(anywhere()).slice(0, between(random, 0, 40)));
    }
  }
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.rangeOffset) + edit.text + text.slice(edit.rangeOffset + edit.rangeLength);
}

function pointAt(text: string, offset: number): { row: number; column: number } {
  const before = text.slice(0, offset);
  return { row: before.split('\n').length - 1, column: offset - (before.lastIndexOf('\n') + 1) };
}

/** The finder's full walk of a tree kept up to date the way the re-find keeps its own: `tree.edit` per edit, one incremental parse per find. */
class WalkOracle {
  private tree: Tree;
  private text: string;

  constructor(private readonly file: string, text: string) {
    this.text = text;
    this.tree = this.parse(text);
  }

  edit(edits: readonly TextEdit[]): void {
    for (const e of edits) {
      const end = e.rangeOffset + e.rangeLength;
      const next = apply(this.text, e);
      this.tree.edit({
        startIndex: e.rangeOffset, oldEndIndex: end, newEndIndex: e.rangeOffset + e.text.length,
        startPosition: pointAt(this.text, e.rangeOffset), oldEndPosition: pointAt(this.text, end), newEndPosition: pointAt(next, e.rangeOffset + e.text.length),
      });
      this.text = next;
    }
  }

  find(text: string): FoundPrompt[] {
    assert.strictEqual(text, this.text, 'the oracle saw the same edits');
    const old = this.tree;
    this.tree = this.parse(text, old);
    old.delete();
    const language = languageForFile(this.file)!;
    return finderForLanguage(language)!.find(this.tree.rootNode, { source: text, language, filePath: this.file }).sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  }

  dispose(): void {
    this.tree.delete();
  }

  private parse(text: string, old?: Tree): Tree {
    const tree = loadedParser(finderForLanguage(languageForFile(this.file)!)!.grammar)!.parse(text, old);
    assert.ok(tree);
    return tree;
  }
}

interface Outcome {
  steps: number;
  reused: number;
  full: number;
  /** Finds where tree-sitter's incremental parse gave other results than a fresh parse. */
  diverged: number;
}

/** Runs one seeded edit sequence on `doc`, comparing every re-find with both oracles. */
function checkSequence(doc: Document, seed: number): Outcome {
  const random = seededRandom(seed);
  const parser = new IncrementalPromptParser();
  const oracle = new WalkOracle(doc.file, doc.text);
  let diverged = 0;
  let text = doc.text;
  const edit = (edits: TextEdit[]) => {
    parser.edit('doc', edits);
    oracle.edit(edits);
  };
  /** Finds `text` again; returns the fresh find. */
  const check = (label: string): FoundPrompt[] => {
    const found = parser.find('doc', text, doc.file);
    const walked = oracle.find(text);
    const fresh = findPromptsSync(text, doc.file) ?? [];
    assert.deepStrictEqual(found, walked, `${doc.file} seed ${seed} ${label}: equals the full walk of the same tree`);
    try {
      assert.deepStrictEqual(walked, fresh);
    } catch {
      diverged++;
    }
    return fresh;
  };
  try {
    let expected = findPromptsSync(text, doc.file) ?? [];
    assert.deepStrictEqual(parser.find('doc', text, doc.file), expected, `${doc.file}: first find`);
    oracle.find(text);
    for (let step = 0; step < STEPS_PER_DOCUMENT; step++) {
      const batch: TextEdit[] = [];
      const typing = random() < 0.15;
      const count = typing ? 1 : random() < 0.15 ? between(random, 2, 3) : 1;
      for (let i = 0; i < count; i++) {
        const change = randomEdit(random, text, expected);
        batch.push(change);
        text = apply(text, change);
      }
      const history: string[] = batch.map((e) => JSON.stringify(e));
      edit(batch);
      if (typing) {
        // One character per find, as typed: a word appended to the edit.
        check(`step ${step}: ${history.join(' ')}`);
        let cursor = batch[0].rangeOffset + batch[0].text.length;
        for (const ch of pick(random, ['answer', 'prompt', 'gpt-4o', 'Hello', ' = 3', '("hi")'])) {
          const typed = { rangeOffset: cursor, rangeLength: 0, text: ch };
          edit([typed]);
          text = apply(text, typed);
          cursor++;
          history.push(JSON.stringify(typed));
          check(`step ${step}: ${history.join(' ')}`);
        }
      } else if (random() < 0.1) edit([]); // an empty change event
      expected = check(`step ${step}: ${history.join(' ')}`);
      // Now and then the document reverts to its saved text (one edit replacing everything, as after undo).
      if (random() < 0.03) {
        edit([{ rangeOffset: 0, rangeLength: text.length, text: doc.text }]);
        text = doc.text;
        expected = check(`step ${step}: revert`);
      }
    }
    return { steps: parser.counts.full + parser.counts.incremental, reused: parser.counts.reused, full: parser.counts.full + parser.counts.incremental - parser.counts.reused, diverged };
  } finally {
    parser.dispose();
    oracle.dispose();
  }
}

suite('IncrementalPromptParser: re-find after random edits equals a full find', function () {
  // Thousands of full finds to compare with: tens of seconds on a busy shared machine.
  this.timeout(300_000);
  const documents = [...fixtureDocuments(), { file: '/generated/agent.py', text: generatePythonFile(8, 400) }];
  suiteSetup(async () => {
    for (const doc of documents) await warmGrammar(doc.file);
  });

  test('fixtures of every language are covered', () => {
    const extensions = new Set(documents.map((d) => path.extname(d.file)));
    for (const ext of ['.py', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.go', '.java', '.cs']) assert.ok(extensions.has(ext), `a ${ext} fixture`);
  });

  const totals: Outcome = { steps: 0, reused: 0, full: 0, diverged: 0 };
  for (const [i, doc] of documents.entries()) {
    test(`${doc.file}`, () => {
      const outcome = checkSequence(doc, 1000 + i);
      totals.steps += outcome.steps;
      totals.reused += outcome.reused;
      totals.full += outcome.full;
      totals.diverged += outcome.diverged;
    });
  }

  test('both paths were exercised: reused results and full finds; fresh parses agreed', () => {
    // Not a speed check: without reuse the suite would only compare full finds with full finds.
    assert.ok(totals.steps >= 3000, `${totals.steps} finds`);
    assert.ok(totals.diverged <= totals.steps / 1000, `tree-sitter's incremental parse disagreed with a fresh one in ${totals.diverged} of ${totals.steps} finds`);
    assert.ok(totals.reused >= totals.steps / 5, `reused ${totals.reused} of ${totals.steps}`);
    assert.ok(totals.full >= totals.steps / 5, `full ${totals.full} of ${totals.steps}`);
  });
});
