/**
 * Writes new text into a prompt's string expression, re-escaped for its language and quote style, as one
 * edit of the source: `{ start, end, replacement }`. The literal's shape is read with tree-sitter; the
 * edit is then checked by reading the edited source back (`findPrompts`): the same prompt must start at
 * the same place with exactly the new text and the same placeholders, or the rewrite is refused with a
 * reason instead of guessing. Prompt files are replaced verbatim in the section span.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { findPrompts } from '../prompts/findPrompts';
import { parseSource } from '../prompts/parser';
import type { FoundPrompt, Placeholder, SourceLanguage } from '../prompts/prompt';
import { grammarForLanguage } from '../prompts/sourceLanguage';
import { fileLanguage, literalShapeReaderOf } from '../languages/languageRegistry';
import type { LiteralShapeReader } from '../languages/languageModule';
import { applyTransform, rawDisplay, type Shape } from './literalShape';
import { rebuildShape } from './rebuildShape';

export interface LiteralEdit {
  /** [start, end) in the source, as JS string offsets (the prompt's span). */
  start: number;
  end: number;
  replacement: string;
}

export interface RewriteRefusal {
  refused: string;
}

export interface RewriteOptions {
  /**
   * The file's path, used to read the edited source back with `findPrompts`. Default: a name with the
   * prompt language's extension (enough for source files; prompt files need their real name).
   */
  filePath?: string;
}

export async function rewritePromptLiteral(source: string, prompt: FoundPrompt, newText: string, options: RewriteOptions = {}): Promise<LiteralEdit | RewriteRefusal> {
  const filePath = options.filePath ?? syntheticPath(prompt.language);
  const edit = grammarForLanguage(prompt.language) === null ? promptFileEdit(source, prompt, newText) : await literalEdit(source, prompt, newText);
  if ('refused' in edit) return edit;
  const problem = await readBackProblem(source, prompt, newText, edit, filePath);
  return problem ? { refused: problem } : edit;
}

/** Prompt files: the section's text is the source slice (line breaks as LF), so it is replaced as is. */
function promptFileEdit(source: string, prompt: FoundPrompt, newText: string): LiteralEdit | RewriteRefusal {
  const slice = source.slice(prompt.startOffset, prompt.endOffset);
  // appsettings.json: the prompt is a JSON string's content, written back escaped.
  if (prompt.language === 'appsettings') {
    if (jsonStringContent(slice) !== prompt.text) return { refused: 'the settings file changed since it was read; run the command again' };
    return { start: prompt.startOffset, end: prompt.endOffset, replacement: JSON.stringify(newText).slice(1, -1) };
  }
  if (slice.replace(/\r\n?/g, '\n') !== prompt.text) return { refused: 'the prompt file changed since it was read; run the command again' };
  const replacement = slice.includes('\r\n') ? newText.replace(/\r?\n/g, '\r\n') : newText;
  return { start: prompt.startOffset, end: prompt.endOffset, replacement };
}

function jsonStringContent(raw: string): string | null {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return null;
  }
}

async function literalEdit(source: string, prompt: FoundPrompt, newText: string): Promise<LiteralEdit | RewriteRefusal> {
  const grammar = grammarForLanguage(prompt.language)!;
  const tree = await parseSource(grammar, source);
  try {
    const shape = readShapeAt(tree, source, prompt);
    if (typeof shape === 'string') return { refused: shape };
    const rebuilt = rebuildShape(shape, newText);
    if ('refused' in rebuilt) return rebuilt;
    return { start: prompt.startOffset, end: prompt.endOffset, replacement: rebuilt.source };
  } finally {
    tree.delete();
  }
}

/** The shape of the node spanning exactly the prompt, checked against the text the engine reported. */
function readShapeAt(tree: Tree, source: string, prompt: FoundPrompt): Shape | string {
  const candidates = nodesSpanning(tree.rootNode, prompt.startOffset, prompt.endOffset);
  if (candidates.length === 0) return 'the source changed since the prompt was found; run the command again';
  let reason = '';
  for (const node of candidates) {
    const shape = readerFor(prompt.language)(node, source);
    if (typeof shape === 'string') {
      reason ||= shape;
      continue;
    }
    if (applyTransform(shape.transform, rawDisplay(shape)) === prompt.text) return shape;
    reason ||= 'this prompt includes text from elsewhere (a constant it refers to, or a call); rewrite that string instead';
  }
  return reason;
}

/** Nodes whose range is exactly [start, end), innermost first. */
function nodesSpanning(root: Node, start: number, end: number): Node[] {
  const out: Node[] = [];
  for (let node: Node | null = root.descendantForIndex(start, Math.max(start, end - 1)); node; node = node.parent) {
    if (node.startIndex === start && node.endIndex === end) out.push(node);
    else if (node.startIndex < start || node.endIndex > end) {
      if (out.length > 0) break;
    }
  }
  return out;
}

function readerFor(language: SourceLanguage): LiteralShapeReader {
  return literalShapeReaderOf(language) ?? (() => `no rewriter for ${language}`);
}

/** Null when the edited source reads back as the same prompt with the new text; else what differs. */
async function readBackProblem(source: string, prompt: FoundPrompt, newText: string, edit: LiteralEdit, filePath: string): Promise<string | null> {
  const edited = source.slice(0, edit.start) + edit.replacement + source.slice(edit.end);
  const found = (await findPrompts(edited, filePath)).find((p) => p.startOffset === edit.start);
  if (!found) return 'after the edit the engine no longer finds this prompt; the rewrite was not applied';
  if (found.endOffset !== edit.start + edit.replacement.length) return 'after the edit the prompt would span different code; the rewrite was not applied';
  if (found.text !== newText) return 'after the edit the prompt would read differently than the compressed text; the rewrite was not applied';
  if (found.kind !== prompt.kind || !samePlaceholders(found.placeholders, prompt.placeholders)) return 'after the edit the placeholders would differ; the rewrite was not applied';
  return null;
}

function samePlaceholders(a: readonly Placeholder[], b: readonly Placeholder[]): boolean {
  return a.length === b.length && a.every((p, i) => p.raw === b[i].raw && p.syntax === b[i].syntax && p.name === b[i].name);
}

/** A name the source language is read by: its first extension (prompt files need their real name, so `.txt`). */
function syntheticPath(language: SourceLanguage): string {
  const extension = grammarForLanguage(language) ? fileLanguage(language)?.extensions[0] : undefined;
  return `prompt${extension ?? '.txt'}`;
}
