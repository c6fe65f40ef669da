/**
 * Jupyter notebooks (`.ipynb`, nbformat 4) of a Python kernel: the code cells are joined into one Python
 * text (a blank line between cells; IPython magics `%…`, `!…` blanked, `%%` cell magics skipped whole) and
 * read by the Python finder, so a call in one cell may use a prompt defined in an earlier one, as when the
 * notebook runs top to bottom.
 *
 * What a line is: **the line of the `.ipynb` file itself**, the JSON line that holds the source line's
 * string (Jupyter writes one string per source line, one per JSON line), so `notebook.ipynb:57` in the CLI
 * table is found with any text editor or `grep -n`; a cell written as a single string maps all its lines to
 * that string's line. Offsets are mapped the same way (to the string of the line, plus the column in it, so
 * they are approximate after escapes such as `\"`); prompt `text` is the decoded Python string as always.
 * The prompts keep language `python` (they are Python strings). In VS Code, notebook cells are documents of
 * their own (`vscode-notebook-cell`) read as Python; this reader is for the CLI scan and the engine.
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { LlmCall } from '../../prompts/llmCall';
import { loadedParser, parseWithinBudget } from '../../prompts/parser';
import type { FoundPrompt } from '../../prompts/prompt';
import { pythonFinder } from '../python/pythonFinder';

/** The code of a notebook as one Python text, and where each of its lines is in the notebook file. */
export interface NotebookCode {
  python: string;
  /** For each 0-based line of `python`: the 1-based line and the offset (past the opening quote) in the notebook file. */
  lines: { line: number; offset: number }[];
}

/** The prompts of a notebook's Python code cells, positioned in the notebook file. Not a notebook, or not Python: none. */
export function findPromptsInNotebook(source: string, filePath: string): FoundPrompt[] {
  const code = notebookCode(source);
  if (!code || code.python.trim() === '') return [];
  const parser = loadedParser(pythonFinder.grammar);
  if (!parser) return []; // findPrompts loads the grammar first (the `ipynb` language names `python` as its grammar)
  let tree: Tree | undefined;
  try {
    tree = parseWithinBudget(parser, code.python);
    const found = pythonFinder.find(tree.rootNode, { source: code.python, language: 'python', filePath });
    return remapPositions(found, code);
  } finally {
    tree?.delete();
  }
}

/** The Python code of a notebook, or null when the text is not an nbformat 4 notebook of a Python kernel. */
export function notebookCode(source: string): NotebookCode | null {
  let notebook: unknown;
  try {
    notebook = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (!isObject(notebook) || !Array.isArray(notebook.cells)) return null;
  const metadata = isObject(notebook.metadata) ? notebook.metadata : {};
  const kernel = isObject(metadata.kernelspec) ? metadata.kernelspec.language : undefined;
  const info = isObject(metadata.language_info) ? metadata.language_info.name : undefined;
  const language = typeof kernel === 'string' ? kernel : typeof info === 'string' ? info : 'python';
  if (language.toLowerCase() !== 'python') return null;

  const positions = sourcePositions(source);
  const python: string[] = [];
  const lines: NotebookCode['lines'] = [];
  notebook.cells.forEach((cell, index) => {
    if (!isObject(cell) || cell.cell_type !== 'code') return;
    const pieces = Array.isArray(cell.source) ? cell.source : [cell.source];
    const at = positions.get(index) ?? [];
    const cellLines: string[] = [];
    const cellPositions: NotebookCode['lines'] = [];
    pieces.forEach((piece, j) => {
      if (typeof piece !== 'string') return;
      const where = at[Math.min(j, at.length - 1)] ?? { line: 1, offset: 0 };
      for (const text of piece.replace(/\n$/, '').split('\n')) {
        cellLines.push(text);
        cellPositions.push(where);
      }
    });
    if (cellLines.length === 0 || /^\s*%%/.test(cellLines[0])) return; // a cell magic: not Python
    if (python.length > 0) {
      python.push(''); // cells are separate blocks
      lines.push(lines[lines.length - 1]);
    }
    cellLines.forEach((text, k) => {
      python.push(/^\s*[%!]/.test(text) ? '' : text); // IPython line magics and shell escapes
      lines.push(cellPositions[k]);
    });
  });
  return { python: python.join('\n'), lines };
}

/** 1-based line and offset (inside the quotes) of each string of `cells[i].source`, by cell index, read from the JSON text. */
function sourcePositions(json: string): Map<number, { line: number; offset: number }[]> {
  type Frame = { array: boolean; key: string | null; index: number; expectKey: boolean };
  const result = new Map<number, { line: number; offset: number }[]>();
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '\n') line++;
    else if (c === '{' || c === '[') stack.push({ array: c === '[', key: null, index: 0, expectKey: c === '{' });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    } else if (c === '"') {
      let end = i + 1;
      while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        top.key = stack.length <= 3 ? json.slice(i + 1, end) : null; // only shallow keys matter
        top.expectKey = false;
      } else if (stack[0]?.key === 'cells' && stack[2]?.key === 'source' && (stack.length === 3 || stack.length === 4)) {
        const cell = stack[1].index;
        if (!result.has(cell)) result.set(cell, []);
        result.get(cell)!.push({ line, offset: i + 1 });
      }
      i = end;
    }
  }
  return result;
}

/** Lines and offsets of the Python text → lines and offsets of the notebook file. */
function remapPositions(prompts: FoundPrompt[], code: NotebookCode): FoundPrompt[] {
  const starts = lineStarts(code.python);
  const at = (offset: number): { line: number; offset: number } => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const where = code.lines[lo] ?? { line: 1, offset: 0 };
    return { line: where.line, offset: where.offset + (offset - starts[lo]) };
  };
  const moved = new Map<LlmCall, LlmCall>();
  const moveCall = (call: LlmCall): LlmCall => {
    let result = moved.get(call);
    if (!result) {
      const start = at(call.startOffset);
      const end = at(call.endOffset);
      result = { ...call, startLine: start.line, endLine: end.line, startOffset: start.offset, endOffset: end.offset };
      moved.set(call, result);
    }
    return result;
  };
  return prompts.map((prompt) => {
    const start = at(prompt.startOffset);
    const end = at(prompt.endOffset);
    const calls = prompt.calls?.map((m) => ({ ...m, call: moveCall(m.call) }));
    return { ...prompt, startLine: start.line, endLine: end.line, startOffset: start.offset, endOffset: end.offset, ...(calls ? { calls } : {}) };
  });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
