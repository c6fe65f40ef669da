/**
 * Prompt finding for documents that are edited in place: keeps each document's tree-sitter tree and, after
 * an edit, re-parses incrementally (`tree.edit` + `parse(text, oldTree)`), which reuses every subtree the
 * edit did not touch. The result is the same as `findPromptsSync` (tested on random edits); only the parse is
 * cheaper. Prompt files (no grammar) are read by `findPromptsSync`.
 */
import type { Parser, Tree } from '@vscode/tree-sitter-wasm';
import { finderForLanguage, findPromptsSync } from '../prompts/findPrompts';
import { loadedParser } from '../prompts/parser';
import type { FoundPrompt } from '../prompts/prompt';
import { languageForFile } from '../prompts/sourceLanguage';

/** One text change in document offsets (UTF-16), as VS Code reports them: replace [rangeOffset, +rangeLength) by `text`. */
export interface TextEdit {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

interface KeptTree {
  tree: Tree;
  parser: Parser;
  filePath: string;
  /** The text `tree` describes, with the edits recorded since applied (so points can be computed). */
  text: string;
  /** False once an edit could not be applied: the next `find` parses from scratch. */
  usable: boolean;
}

/** Documents with more text than this are not kept (a tree costs memory in the WASM heap). */
const MAX_KEPT_CHARS = 4 * 1024 * 1024;

export class IncrementalPromptParser {
  private readonly kept = new Map<string, KeptTree>();
  /** Counters for tests and benchmarks. */
  readonly counts = { full: 0, incremental: 0 };

  /**
   * The prompts of `source`, the current text of document `key`. Null when the file's grammar is not
   * loaded yet (call `warmGrammar` first), like `findPromptsSync`.
   */
  find(key: string, source: string, filePath: string): FoundPrompt[] | null {
    const language = languageForFile(filePath);
    const finder = language ? finderForLanguage(language) : undefined;
    if (!language || !finder) {
      this.forget(key);
      return findPromptsSync(source, filePath);
    }
    const parser = loadedParser(finder.grammar);
    if (!parser) return null;
    const previous = this.kept.get(key);
    const reusable = previous && previous.usable && previous.parser === parser && previous.filePath === filePath && previous.text === source;
    const tree = reusable ? parser.parse(source, previous.tree) : parser.parse(source);
    if (reusable) this.counts.incremental++;
    else this.counts.full++;
    if (previous) {
      previous.tree.delete();
      this.kept.delete(key);
    }
    if (!tree) return [];
    try {
      return finder.find(tree.rootNode, { source, language, filePath }).sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
    } finally {
      if (source.length <= MAX_KEPT_CHARS) this.kept.set(key, { tree, parser, filePath, text: source, usable: true });
      else tree.delete();
    }
  }

  /**
   * Records edits made to document `key` since its last `find`, in the order VS Code applied them (each
   * in the coordinates of the text after the previous ones).
   */
  edit(key: string, edits: readonly TextEdit[]): void {
    const kept = this.kept.get(key);
    if (!kept || !kept.usable) return;
    for (const e of edits) {
      const start = e.rangeOffset;
      const oldEnd = e.rangeOffset + e.rangeLength;
      if (start < 0 || oldEnd > kept.text.length) {
        kept.usable = false;
        return;
      }
      const startPosition = pointAt(kept.text, start);
      const oldEndPosition = pointAt(kept.text, oldEnd);
      kept.text = kept.text.slice(0, start) + e.text + kept.text.slice(oldEnd);
      const newEnd = start + e.text.length;
      kept.tree.edit({
        startIndex: start,
        oldEndIndex: oldEnd,
        newEndIndex: newEnd,
        startPosition,
        oldEndPosition,
        newEndPosition: pointAt(kept.text, newEnd),
      });
    }
  }

  forget(key: string): void {
    const kept = this.kept.get(key);
    if (!kept) return;
    kept.tree.delete();
    this.kept.delete(key);
  }

  dispose(): void {
    for (const key of [...this.kept.keys()]) this.forget(key);
  }
}

/** Row and column (UTF-16 code units, as tree-sitter reports them for JS strings) of `offset`. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
