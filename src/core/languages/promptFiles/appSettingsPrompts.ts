/**
 * Prompts kept in .NET configuration: `appsettings.json` sections whose name says prompts
 * (`"Prompts": { "SystemDescription": "…" }`, `"PromptOptions"`, `"SystemPrompt": "…"`), bound to an
 * options class and sent from C#. Each text is its own implied call (different requests use them). Names,
 * dates, ids, numbers and canned bot messages in the same section are not prompts. The file is JSON with
 * comments, read here with positions (JSON.parse has none).
 */
import type { FoundPrompt } from '../../prompts/prompt';
import { emptyCall } from '../../prompts/llmCall';
import { placeholdersOf } from './promptFileText';

interface JsonString {
  path: string[];
  value: string;
  start: number;
  end: number;
}

/** Fewer words than this is a label or a setting, not a prompt. */
const MIN_WORDS = 5;
/** Keys whose strings are not prompts even inside a prompts section. */
const NOT_PROMPT_KEY = /(name|date|id|url|uri|endpoint|key|path|version|model|deployment)$|^(initial|welcome|greeting|default)?(bot|assistant)?(message|greeting|reply)$/i;

/** Every string value of a JSON-with-comments text with its key path and offsets; null when it is not JSON. */
function stringsOf(text: string): JsonString[] | null {
  const out: JsonString[] = [];
  const path: string[] = [];
  const containers: ('object' | 'array')[] = [];
  const indexes: number[] = [];
  let pendingKey: string | null = null;
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) < 0 ? text.length : text.indexOf('*/', i) + 2;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      let value: string;
      try {
        value = JSON.parse(text.slice(i, j + 1)) as string;
      } catch {
        return null;
      }
      if (containers[containers.length - 1] === 'object' && expectKey) {
        pendingKey = value;
        expectKey = false;
      } else {
        const key = containers[containers.length - 1] === 'array' ? String(indexes[indexes.length - 1]) : pendingKey ?? '';
        out.push({ path: [...path, key], value, start: i + 1, end: j });
      }
      i = j + 1;
    } else if (c === '{' || c === '[') {
      if (containers.length) path.push(containers[containers.length - 1] === 'array' ? String(indexes[indexes.length - 1]) : pendingKey ?? '');
      containers.push(c === '{' ? 'object' : 'array');
      indexes.push(0);
      expectKey = c === '{';
      i++;
    } else if (c === '}' || c === ']') {
      containers.pop();
      indexes.pop();
      path.pop();
      expectKey = false;
      i++;
    } else if (c === ',') {
      if (containers[containers.length - 1] === 'array') indexes[indexes.length - 1]++;
      expectKey = containers[containers.length - 1] === 'object';
      i++;
    } else i++;
  }
  return containers.length === 0 ? out : null;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function findPromptsInAppSettings(source: string): FoundPrompt[] {
  if (!/prompt/i.test(source)) return [];
  const prompts: FoundPrompt[] = [];
  for (const s of stringsOf(source) ?? []) {
    const key = s.path[s.path.length - 1];
    const inPromptSection = s.path.some((segment) => /prompt/i.test(segment));
    if (!inPromptSection || NOT_PROMPT_KEY.test(key) || s.value.trim().split(/\s+/).length < MIN_WORDS) continue;
    const startLine = lineAt(source, s.start);
    const range = { startLine, endLine: lineAt(source, s.end), startOffset: s.start, endOffset: s.end };
    // Semantic Kernel fills these: `{{$knowledgeCutoff}}`, `{{TimePlugin.Now}}`.
    const placeholders = placeholdersOf(s.value, ['mustache']);
    const call = { ...emptyCall(range, true), key: `appsettings:${s.start}:${s.end}` };
    prompts.push({
      ...range,
      language: 'appsettings',
      kind: placeholders.length ? 'template' : 'literal',
      text: s.value,
      placeholders,
      model: null,
      maxOutputTokens: null,
      evidence: 'name',
      name: s.path.filter(Boolean).join(':'),
      calls: [{ call, slot: '' }],
    });
  }
  return prompts;
}
