/**
 * Python string shapes: `"…"`, `'…'`, `"""…"""`, with `r`/`f`/`u` prefixes; implicit concatenation
 * (`"a" "b"`); `+` concatenation with values; `textwrap.dedent(…)` / `inspect.cleandoc(…)` around them.
 * Bytes literals are refused (they are never prompts).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { DEDENT_WRAPPERS } from '../../prompts/flow/sdkNameLists';
import { pythonAdapter } from './pythonFinder';
import { namedChildrenOf, nodeText } from '../../prompts/syntaxTree';
import { normalizeName } from '../../prompts/sdkNames';
import { dedentTransform, rawDisplay, type LiteralStyle, type Part, type Segment, type Shape } from '../../rewrite/literalShape';
import { flattenPlus, hexEscape, isControl, oddTrailingBackslashes, segmentsFrom, shapeFromParts } from '../../rewrite/shapeParts';

export function readPythonShape(node: Node, source: string): Shape | string {
  const span = { start: node.startIndex, end: node.endIndex };
  if (node.type === 'parenthesized_expression') {
    const inner = namedChildrenOf(node);
    if (inner.length !== 1) return 'unexpected parenthesized expression';
    const shape = readPythonShape(inner[0], source);
    return typeof shape === 'string' ? shape : { ...shape, prefix: source.slice(span.start, inner[0].startIndex) + shape.prefix, suffix: shape.suffix + source.slice(inner[0].endIndex, span.end) };
  }
  if (node.type === 'string') return shapeFromParts(source, span.start, span.end, [node], readPart);
  if (node.type === 'concatenated_string') return shapeFromParts(source, span.start, span.end, namedChildrenOf(node), readPart);
  if (node.type === 'binary_operator' && isPlus(node)) return shapeFromParts(source, span.start, span.end, flattenPlus(node, isPlus), readPart);
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const name = normalizeName(fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : fn ? nodeText(fn) : '');
    const args = node.childForFieldName('arguments');
    const list = args ? namedChildrenOf(args) : [];
    if (DEDENT_WRAPPERS.has(name) && list.length === 1 && list[0].type !== 'call') {
      const inner = readPythonShape(list[0], source);
      if (typeof inner === 'string') return inner;
      return {
        ...inner,
        prefix: source.slice(span.start, list[0].startIndex) + inner.prefix,
        suffix: inner.suffix + source.slice(list[0].endIndex, span.end),
        transform: dedentTransform(rawDisplay(inner), name === 'cleandoc'),
      };
    }
    return `a prompt built by a call (${fn ? nodeText(fn) : 'call'}(…)) is not rewritten; compress its string literal`;
  }
  return `a ${node.type.replace(/_/g, ' ')} is not a string shape the rewriter knows`;
}

function isPlus(node: Node): boolean {
  return node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '+';
}

function readPart(node: Node): Part | string {
  if (node.type === 'concatenated_string') return 'a nested implicit concatenation inside "+" is not rewritten';
  if (node.type !== 'string') {
    const inner = pythonAdapter.unwrap(node);
    return { kind: 'code', display: `{${nodeText(inner)}}`, source: nodeText(node) };
  }
  const start = node.firstChild;
  if (!start || start.type !== 'string_start') return 'unreadable string';
  const opener = nodeText(start);
  const prefix = opener.replace(/['"]+$/, '');
  if (/b/i.test(prefix)) return 'bytes literals are not prompts';
  const quote = opener.slice(prefix.length);
  const value = pythonAdapter.stringValue(node, () => null);
  if (!value) return 'unreadable string';
  return { kind: 'literal', style: pythonStyle(prefix, quote), segments: segmentsFrom(value.text, value.holes) };
}

/** A Python literal style: `prefix` as written (`f`, `rb`, `R`…), `quote` one of `"`, `'`, `"""`, `'''`. */
export function pythonStyle(prefix: string, quote: string): LiteralStyle {
  const isF = /[ft]/i.test(prefix);
  const isRaw = /r/i.test(prefix);
  const triple = quote.length === 3;
  const q = quote[0];
  const kind = `${isF ? 'f-' : ''}${isRaw ? 'raw ' : ''}${triple ? 'triple-quoted ' : ''}string`;
  return {
    name: `a Python ${kind}`,
    interpolates: isF,
    fallback: isRaw ? pythonStyle(prefix.replace(/r/gi, ''), quote) : undefined,
    encode(segments: readonly Segment[]): string | null {
      let body = '';
      for (const [i, s] of segments.entries()) {
        if (!('text' in s)) {
          if (!isF) return null;
          body += s.source;
          continue;
        }
        const last = i === segments.length - 1;
        const text = isF ? s.text.replace(/\{/g, '{{').replace(/\}/g, '}}') : s.text;
        const encoded = isRaw ? rawBody(text, q, triple, last) : escapedBody(text, q, triple, last);
        if (encoded === null) return null;
        body += encoded;
      }
      return prefix + quote + body + quote;
    },
  };
}

function rawBody(text: string, q: string, triple: boolean, last: boolean): string | null {
  if (text.includes('\r')) return null;
  if (!triple && (text.includes(q) || text.includes('\n'))) return null;
  if (triple && (text.includes(q + q + q) || (last && text.endsWith(q)))) return null;
  if (/\\(?=['"])/.test(text) || oddTrailingBackslashes(text)) return null;
  return text;
}

function escapedBody(text: string, q: string, triple: boolean, last: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += triple ? '\n' : '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += triple ? '\t' : '\\t';
    else if (ch === q && (!triple || text.startsWith(q + q + q, i) || (last && i === text.length - 1))) out += `\\${ch}`;
    else if (isControl(ch)) out += hexEscape(ch);
    else out += ch;
  }
  return out;
}
