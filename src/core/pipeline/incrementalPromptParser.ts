/**
 * Prompt finding for documents that are edited in place: keeps each document's tree-sitter tree and, after
 * an edit, re-parses incrementally (`tree.edit` + `parse(text, oldTree)`), which reuses every subtree the
 * edit did not touch. The finder's walk is skipped too when the edited declarations did not matter to the
 * last find (`findingsReuse.ts`): its results are reused, shifted past the edit. The result is always what
 * the finder's full walk of the same tree gives, which is what `findPromptsSync` gives unless tree-sitter's
 * error recovery differed between the incremental and a fresh parse (tested on thousands of random edits).
 * Prompt files (no grammar) are read by `findPromptsSync`.
 */
import type { Node, Parser, Tree } from '@vscode/tree-sitter-wasm';
import { finderForLanguage, findPromptsSync } from '../prompts/findPrompts';
import type { LanguageFinder } from '../prompts/languageFinder';
import { releaseTreeFacts } from '../prompts/nodeFacts';
import { loadedParser, parseWithinBudget } from '../prompts/parser';
import type { FoundPrompt, SourceLanguage } from '../prompts/prompt';
import { languageForFile } from '../prompts/sourceLanguage';
import { RecordingTrace, reuseFindings, type EditedSpan, type FindBaseline } from './findingsReuse';

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
  /** What the last find of `tree`'s document reported and read. */
  baseline: FindBaseline;
  /** The edits since the last find, once there are any. */
  edited?: EditedSpan;
  /** A copy of the tree as the last find read it, taken before the first edit (`tree.edit` moves the tree). */
  pristine?: Tree;
}

/** Documents with more text than this are not kept (a tree costs memory in the WASM heap). */
const MAX_KEPT_CHARS = 4 * 1024 * 1024;

export class IncrementalPromptParser {
  private readonly kept = new Map<string, KeptTree>();
  /** Counters for tests and benchmarks: parses from scratch, incremental parses, and finds among those that reused the last results. */
  readonly counts = { full: 0, incremental: 0, reused: 0 };

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
    let tree: Tree;
    try {
      tree = parseWithinBudget(parser, source, reusable ? previous.tree : null);
    } catch (error) {
      // A grammar loop on this text: forget the document, so the next find starts from a fresh parse.
      this.forget(key);
      throw error;
    }
    if (reusable) this.counts.incremental++;
    else this.counts.full++;
    let baseline: FindBaseline | null = null;
    if (previous) {
      if (reusable) baseline = this.reuse(previous, tree, source, finder, language);
      previous.tree.delete();
      previous.pristine?.delete();
      this.kept.delete(key);
    }
    if (baseline) this.counts.reused++;
    else {
      const trace = new RecordingTrace();
      const prompts = finder.find(tree.rootNode, { source, language, filePath, trace }).sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
      baseline = trace.baseline(source, prompts);
    }
    // Keep a copy: the tree object that was read goes, and with it every memo of its nodes (nodeFacts and
    // the finders' caches), which would otherwise survive until the next find and slow down the garbage
    // collections in between.
    if (source.length <= MAX_KEPT_CHARS) this.kept.set(key, { tree: tree.copy(), parser, filePath, text: source, usable: true, baseline });
    tree.delete();
    releaseTreeFacts(tree);
    return baseline.prompts.map(copyPrompt);
  }

  /** The baseline of `tree` reused from `previous` (same document, edited since), or null for a full find. */
  private reuse(previous: KeptTree, tree: Tree, source: string, finder: LanguageFinder, language: SourceLanguage): FindBaseline | null {
    if (!previous.edited) return previous.baseline; // the same text again
    if (!previous.pristine) return null;
    return reuseFindings({
      baseline: previous.baseline,
      oldTree: previous.pristine,
      newTree: tree,
      text: source,
      edited: previous.edited,
      changed: previous.tree.getChangedRanges(tree),
      finder,
      ctx: { language, filePath: previous.filePath },
    });
  }

  /** The tree of document `key` as its last `find` read it (valid until the next edit or find), for the import reader. */
  keptRoot(key: string, source: string): Node | null {
    const kept = this.kept.get(key);
    return kept && kept.usable && !kept.edited && kept.text === source ? kept.tree.rootNode : null;
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
      kept.pristine ??= kept.tree.copy();
      kept.edited = widened(kept.edited, start, oldEnd, e.text, kept.text);
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
    kept.pristine?.delete();
    this.kept.delete(key);
  }

  dispose(): void {
    for (const key of [...this.kept.keys()]) this.forget(key);
  }
}

/**
 * The edited span after one more edit that replaces [start, oldEnd) of `text` by `inserted`: it covers the
 * previous span (moved by this edit) and the inserted text, so the text outside it is still the baseline's.
 */
function widened(span: EditedSpan | undefined, start: number, oldEnd: number, inserted: string, text: string): EditedSpan {
  const delta = inserted.length - (oldEnd - start);
  const lineDelta = countLineBreaks(inserted) - countLineBreaks(text.slice(start, oldEnd));
  const insertedEnd = start + inserted.length;
  if (!span) return { start, end: insertedEnd, delta, lineDelta };
  return {
    start: Math.min(span.start, start),
    // An end inside the replaced text, or before it, ends up at the end of the inserted text.
    end: span.end >= oldEnd ? span.end + delta : insertedEnd,
    delta: span.delta + delta,
    lineDelta: span.lineDelta + lineDelta,
  };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** A prompt the caller may change without changing the kept baseline. */
function copyPrompt(prompt: FoundPrompt): FoundPrompt {
  const copy: FoundPrompt = { ...prompt, placeholders: prompt.placeholders.map((p) => ({ ...p })) };
  if (prompt.samples) copy.samples = { ...prompt.samples };
  if (prompt.imports) copy.imports = { ...prompt.imports };
  return copy;
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
