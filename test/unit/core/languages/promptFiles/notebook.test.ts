import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { notebookCode } from '../../../../../src/core/languages/promptFiles/notebook';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';

// Compiled to out/test/unit/core/languages/promptFiles: the repository root is six levels up.
const ROOT = path.resolve(__dirname, '../../../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/promptFiles');

suite('Jupyter notebooks', () => {
  test('Python code cells are read as one program; lines are the notebook file\'s JSON lines', async () => {
    const file = path.join(FIXTURES, 'summaries.ipynb');
    const source = fs.readFileSync(file, 'utf8');
    const lines = source.split('\n');
    const prompts = await findPrompts(source, file);
    assert.deepStrictEqual(prompts.map((p) => [p.text, p.startLine, p.endLine, p.role ?? null]), [
      ['You are a terse assistant. Answer in "one" line.', 32, 32, 'system'],
      ['Summarize {doc}', 66, 66, 'user'],
    ]);
    // The line a finding names holds the prompt's source line in the .ipynb file.
    assert.ok(lines[32 - 1].includes('SYSTEM = \\"You are a terse assistant.'));
    assert.ok(lines[66 - 1].includes('Summarize {doc}'));
    assert.deepStrictEqual(prompts[1].placeholders.map((p) => `${p.syntax}:${p.name}`), ['fstring:doc']);
    assert.ok(prompts.every((p) => p.language === 'python'));

    // One call in cell 4, joining the constant defined in cell 2 (the notebook runs top to bottom).
    const [system, user] = prompts.map((p) => p.calls ?? []);
    assert.strictEqual(system.length, 1);
    assert.strictEqual(user.length, 1);
    assert.strictEqual(system[0].call.key, user[0].call.key);
    const call = user[0].call;
    assert.deepStrictEqual([call.startLine, call.endLine], [61, 68]);
    assert.strictEqual(call.implied, false);
    assert.strictEqual(call.model, 'gpt-4o-mini');
    assert.strictEqual(call.maxOutputTokens, 50);
    assert.deepStrictEqual([system[0].slot, user[0].slot], ['/messages/0', '/messages/1']);
    assert.ok(prompts.every((p) => p.startOffset >= 0 && p.endOffset <= source.length && p.startOffset < p.endOffset));
  });

  test('the joined code: markdown cells and %% cell magics left out, line magics blanked, one blank line between cells', () => {
    const code = notebookCode(fs.readFileSync(path.join(FIXTURES, 'summaries.ipynb'), 'utf8'))!;
    const python = code.python.split('\n');
    assert.deepStrictEqual(python.slice(0, 7), ['', 'from openai import OpenAI', '', 'client = OpenAI()', '', 'SYSTEM = "You are a terse assistant. Answer in \\"one\\" line."', '']);
    assert.strictEqual(python[7], 'resp = client.chat.completions.create(');
    assert.strictEqual(python.length, code.lines.length);
    assert.deepStrictEqual(code.lines.slice(0, 4).map((l) => l.line), [19, 20, 21, 22]);
    assert.ok(!code.python.includes('echo'));
    assert.ok(!code.python.includes('fake'), 'outputs are not code');
  });

  test('a single-string cell source maps all its lines to that string\'s line', () => {
    const notebook = '{\n "cells": [\n  {"cell_type": "code", "source": "a = 1\\nb = 2"}\n ],\n "metadata": {}\n}\n';
    const code = notebookCode(notebook)!;
    assert.strictEqual(code.python, 'a = 1\nb = 2');
    assert.deepStrictEqual(code.lines.map((l) => l.line), [3, 3]);
  });

  test('not a Python notebook, or not a notebook: nothing', async () => {
    const file = path.join(FIXTURES, 'r-kernel.ipynb');
    assert.deepStrictEqual(await findPrompts(fs.readFileSync(file, 'utf8'), file), []);
    assert.strictEqual(notebookCode('{"cells": '), null);
    assert.strictEqual(notebookCode('[1, 2]'), null);
    assert.deepStrictEqual(await findPrompts('x = "not json"', '/r/cell.ipynb'), []);
  });
});
