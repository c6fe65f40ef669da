/**
 * Finds template placeholders inside a prompt's text (the decoded string content, never source code).
 * Each syntax is recognised only where the caller says it applies: `{x}` is a placeholder in a
 * `.format` string or an f-string, but literal braces in a plain string or a JSON example.
 */
import type { Placeholder, PlaceholderSyntax } from './prompt';

interface SyntaxRule {
  pattern: RegExp;
  name(match: RegExpExecArray, ordinal: number): string;
}

const RULES: Record<PlaceholderSyntax, SyntaxRule> = {
  // {name}, {0}, {}, {name!r}, {obj.attr:>10}; `{{` and `}}` are escaped braces, not placeholders.
  format: {
    pattern: /\{\{|\}\}|\{([A-Za-z_][\w.[\]]*|\d*)(?:![rsa])?(?::[^{}]*)?\}/g,
    name: (m, i) => (m[1] ? m[1] : `arg${i}`),
  },
  // Python f-strings / C# interpolated strings: any expression between single braces.
  fstring: {
    pattern: /\{\{|\}\}|\{([^{}]+)\}/g,
    name: (m) => (m[1] ?? '').split(/[!:=]/)[0].trim(),
  },
  // %s, %d, %(name)s; `%%` is a literal percent sign.
  percent: {
    pattern: /%%|%\(([A-Za-z_]\w*)\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]/g,
    name: (m, i) => m[1] ?? `arg${i}`,
  },
  // Go fmt / Java String.format: %s %v %+v %d %q %5.2f %[1]s %1$s; `%%` is literal.
  printf: {
    pattern: /%%|%(?:\[\d+\]|\d+\$)?[-#0 +]*\d*(?:\.\d+)?[svdqfgeExXtTbcoUpn]/g,
    name: (_m, i) => `arg${i}`,
  },
  // ${expr} (JS template literals written as text, LangChain.js, shell-like templates).
  dollar: {
    pattern: /\$\{([^{}]+)\}/g,
    name: (m) => (m[1] ?? '').trim(),
  },
  // {{ name }}, {{{ name }}}, {{#each items}}, {{$input}} (Semantic Kernel), Jinja expressions.
  mustache: {
    pattern: /\{\{\{?\s*([^{}]*?)\s*\}?\}\}/g,
    name: (m) => mustacheName(m[1] ?? ''),
  },
  // {% if x %} … {% endif %} and {# comments #}: control flow, sized as zero tokens of content.
  jinjaBlock: {
    pattern: /\{%-?\s*([\s\S]*?)\s*-?%\}|\{#[\s\S]*?#\}/g,
    name: (m) => (m[1] ?? 'comment').split(/\s+/).slice(0, 2).join(' '),
  },
  // ${input:name} and ${input:name:hint} in .prompt.md; also ${selection}, ${file}…
  promptInput: {
    pattern: /\$\{(input:([A-Za-z_][\w-]*)(?::[^}]*)?|selection|selectedText|file|fileBasename|workspaceFolder)\}/g,
    name: (m) => m[2] ?? m[1] ?? '',
  },
};

function mustacheName(inner: string): string {
  const trimmed = inner.replace(/^[#/^>&!$]\s*/, '').trim();
  const first = trimmed.split(/[\s|(]+/)[0] ?? '';
  return first || inner.trim();
}

/**
 * Returns the placeholders of `text` written in any of `syntaxes`, in order of appearance.
 * When two syntaxes overlap (`{{x}}` also contains `{x}`), the earliest, longest match wins.
 */
export function findPlaceholders(text: string, syntaxes: readonly PlaceholderSyntax[]): Placeholder[] {
  const found: Placeholder[] = [];
  for (const syntax of syntaxes) {
    const rule = RULES[syntax];
    const pattern = new RegExp(rule.pattern.source, rule.pattern.flags);
    let ordinal = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0] === '{{' || m[0] === '}}' || m[0] === '%%') {
        if (syntax === 'format' || syntax === 'fstring' || syntax === 'percent' || syntax === 'printf') continue;
      }
      found.push({ name: rule.name(m, ordinal++), syntax, raw: m[0], offset: m.index });
    }
  }
  found.sort((a, b) => a.offset - b.offset || b.raw.length - a.raw.length);
  const result: Placeholder[] = [];
  let end = -1;
  for (const p of found) {
    if (p.offset < end) continue; // inside an earlier, longer placeholder
    result.push(p);
    end = p.offset + p.raw.length;
  }
  return result;
}

/** The text with every placeholder removed: what a template costs when all its values are empty. */
export function staticText(text: string, placeholders: readonly Placeholder[]): string {
  let out = '';
  let at = 0;
  for (const p of placeholders) {
    out += text.slice(at, p.offset);
    at = p.offset + p.raw.length;
  }
  return out + text.slice(at);
}
