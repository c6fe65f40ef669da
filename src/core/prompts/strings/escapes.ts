/**
 * Decodes backslash escapes in the content of a string literal (the text between the quotes, never code),
 * for both prompt-discovery frameworks and for Compress's literal readers. Each language module names its
 * dialect; Python and JavaScript differ from the C family (Go, Java, C#) in line continuations, unknown
 * escapes and `\u{…}`, and Go, Java and C# among themselves in the numeric forms.
 */

/** What `\x`, `\u{…}`, octal, unknown escapes and line continuations mean. */
export type EscapeDialect = 'python' | 'javascript' | 'go' | 'java' | 'csharp';

/** Decodes the escapes of `content` as `dialect` reads them. */
export function decodeEscapes(content: string, dialect: EscapeDialect): string {
  return dialect === 'python' || dialect === 'javascript' ? decodeScriptEscapes(content, dialect) : decodeCFamilyEscapes(content, dialect);
}

// ──── Go, Java, C# ──────────────────────────────────────────────────────────────────────────────

const SIMPLE: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\', '"': '"', "'": "'", '0': '\0',
};

function fromCodePoint(hex: string): string {
  const cp = parseInt(hex, 16);
  return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
}

function decodeCFamilyEscapes(content: string, dialect: 'go' | 'java' | 'csharp'): string {
  let out = '';
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch !== '\\' || i + 1 >= content.length) {
      out += ch;
      continue;
    }
    const next = content[i + 1];
    if (dialect === 'java' && next === 's') {
      out += ' ';
      i++;
    } else if (dialect === 'java' && next === '\n') {
      i++; // text block line continuation
    } else if (dialect === 'java' && next === '\r' && content[i + 2] === '\n') {
      i += 2;
    } else if (/[0-7]/.test(next) && dialect !== 'csharp') {
      // Go: exactly three octal digits; Java: one to three.
      const m = /^[0-7]{1,3}/.exec(content.slice(i + 1))?.[0] ?? next;
      const digits = dialect === 'go' ? m.slice(0, 3) : m;
      out += String.fromCharCode(parseInt(digits, 8));
      i += digits.length;
    } else if (next === 'x' && dialect !== 'java') {
      const m = (dialect === 'go' ? /^[0-9a-fA-F]{2}/ : /^[0-9a-fA-F]{1,4}/).exec(content.slice(i + 2))?.[0];
      if (!m) { out += '\\x'; i++; continue; }
      out += fromCodePoint(m);
      i += 1 + m.length;
    } else if (next === 'u' || (next === 'U' && dialect !== 'java')) {
      let j = i + 1;
      while (dialect === 'java' && content[j + 1] === 'u') j++; // Java allows \uuuu0041
      const width = next === 'u' ? 4 : 8;
      const hex = content.slice(j + 1, j + 1 + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) { out += '\\' + next; i++; continue; }
      out += fromCodePoint(hex);
      i = j + width;
    } else if (next in SIMPLE && !(next === 'a' && dialect === 'java') && !(next === 'v' && dialect === 'java')) {
      out += SIMPLE[next];
      i++;
    } else {
      out += next;
      i++;
    }
  }
  return out;
}

// ──── Python, JavaScript ────────────────────────────────────────────────────────────────────────

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '0': '\0', '\\': '\\', "'": "'", '"': '"', '`': '`', '$': '$', '?': '?',
};

/**
 * Decodes backslash escapes in the *content* of a string literal (quotes already removed). Unknown
 * escapes keep their backslash in Python (as Python does) and drop it in JS/C-like languages.
 */
function decodeScriptEscapes(raw: string, dialect: 'python' | 'javascript'): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '\\' || i + 1 >= raw.length) {
      out += ch;
      continue;
    }
    const next = raw[i + 1];
    if (next === '\n' || next === '\r') {
      // Line continuation: the backslash and the line break disappear.
      i += next === '\r' && raw[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 2, i + 4), 16));
      i += 3;
      continue;
    }
    if (next === 'u' && dialect === 'javascript' && raw[i + 2] === '{') {
      const close = raw.indexOf('}', i + 3);
      const code = close > 0 ? parseInt(raw.slice(i + 3, close), 16) : NaN;
      if (Number.isFinite(code) && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i = close;
        continue;
      }
    }
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
      continue;
    }
    if (next === 'U' && dialect === 'python' && /^[0-9a-fA-F]{8}$/.test(raw.slice(i + 2, i + 10))) {
      const code = parseInt(raw.slice(i + 2, i + 10), 16);
      if (code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += 9;
        continue;
      }
    }
    if (dialect === 'python' && /[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(raw.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(digits, 8));
      i += digits.length;
      continue;
    }
    if (next in SIMPLE_ESCAPES && !(dialect === 'python' && (next === '`' || next === '$' || next === '?'))) {
      out += SIMPLE_ESCAPES[next];
      i += 1;
      continue;
    }
    // Unknown escape (`\N{…}`, `\d` in a Python string…): Python keeps it verbatim.
    out += dialect === 'python' ? ch + next : next;
    i += 1;
  }
  return out;
}
