/**
 * Decodes backslash escapes in the content of a Go, Java or C# string literal (the text between the
 * quotes, never code). The three languages share the C escapes and differ in the numeric forms.
 */
export type EscapeDialect = 'go' | 'java' | 'csharp';

const SIMPLE: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\', '"': '"', "'": "'", '0': '\0',
};

function fromCodePoint(hex: string): string {
  const cp = parseInt(hex, 16);
  return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
}

export function decodeEscapes(content: string, dialect: EscapeDialect): string {
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
