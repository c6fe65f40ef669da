/**
 * A deterministic corpus for checking our token counts against an independent tokenizer: hand-written
 * fragments of the kinds of text prompts contain, recombined by a seeded PRNG.
 */

import { seededRandom } from '../../../support/seededRandom';

const PROSE = [
  'The quick brown fox jumps over the lazy dog.',
  'You are a helpful assistant. Answer the question as truthfully as possible, and if you are unsure, say "I don\'t know".',
  "It's a truth universally acknowledged that a single man in possession of a good fortune must be in want of a wife.",
  'Summarize the following customer review in one sentence, focusing on the product’s strengths and weaknesses:',
  'DON\'T PANIC. I\'LL BE THERE. WE\'RE DONE. THEY\'VE GONE. SHE\'D KNOW. IT\'S FINE. I\'M HERE.',
  "don't won't can't shouldn't y'all o'clock rock'n'roll 'quoted' ''double'' '",
  'Mr. Smith paid $1,234.56 on 2024-03-15 at 10:45 p.m. — roughly 3.5% more than last year (see Table 2).',
  'Numbers: 1 12 123 1234 12345 123456 1234567 3.14159 -42 +7 1e10 0x1F 0b1010 1_000_000',
  'Well... that was unexpected!!! Really?! Yes — absolutely; no doubt: "quite" so.',
  'e-mail: first.last+tag@example.co.uk, URL: https://example.com/path/to/page?query=1&x=y#frag',
];

const PROMPTS = [
  'System: You are an expert translator. Translate the user\'s text into French.\nUser: {text}\nAssistant:',
  'Given the context below, answer the question.\n\nContext:\n{context}\n\nQuestion: {question}\nAnswer:',
  '### Instruction:\nClassify the sentiment of the tweet as positive, negative or neutral.\n\n### Input:\n{{tweet}}\n\n### Response:',
  'You are a SQL assistant. Schema:\n```sql\nCREATE TABLE users (id INT PRIMARY KEY, name TEXT);\n```\nWrite a query for: ${request}',
  'Return JSON only: {"answer": string, "confidence": number between 0 and 1}. Do not add prose.',
  '<instructions>\n  Think step by step.\n  <example>Q: 2+2? A: 4</example>\n</instructions>',
  '{% for item in items %}- {{ item.name }}: {{ item.price | round(2) }}\n{% endfor %}',
  'Hello {{name}}, your order #{{order_id}} ships on {{date}}. Reply STOP to opt out.',
];

const CODE = [
  'def fibonacci(n: int) -> int:\n    if n < 2:\n        return n\n    return fibonacci(n - 1) + fibonacci(n - 2)\n',
  'export async function fetchUser(id: string): Promise<User | undefined> {\n  const res = await fetch(`/api/users/${id}`);\n  return res.ok ? ((await res.json()) as User) : undefined;\n}\n',
  'func main() {\n\tfmt.Println("hello, 世界")\n\tfor i := 0; i < 10; i++ {\n\t\tgo worker(i, ch)\n\t}\n}\n',
  'fn parse(input: &str) -> Result<Vec<u8>, ParseError> {\n    input.split(\',\').map(|s| s.trim().parse::<u8>()).collect()\n}\n',
  'public class Main {\n    public static void main(String[] args) {\n        System.out.println("Hi");\n    }\n}\n',
  'SELECT u.id, COUNT(o.id) AS orders FROM users u LEFT JOIN orders o ON o.user_id = u.id WHERE u.created_at >= \'2024-01-01\' GROUP BY u.id;',
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Test</title></head>\n<body><div class="a b">&nbsp;&lt;x&gt;</div></body></html>',
  '#include <stdio.h>\nint main(void) { printf("%d\\n", 42); return 0; }\n',
  'const re = /^(?:[a-z0-9!#$%&\'*+/=?^_`{|}~-]+)@(?:[a-z0-9-]+\\.)+[a-z]{2,}$/i;',
  '    if (x !== null && y >= 0) {\r\n        z += x ** 2 // comment\r\n    }\r\n',
  '#!/usr/bin/env bash\nset -euo pipefail\nfor f in *.txt; do echo "${f%.txt}"; done\n',
  'body { margin: 0; padding: 4px 8px; font: 14px/1.4 -apple-system, "Segoe UI", sans-serif; }',
  'x=[i**2 for i in range(10) if i%2==0];print(x)',
  '/** JSDoc @param {string} a */\nlet camelCaseName = SOME_CONSTANT_VALUE + anotherIdentifier_with_snake;',
];

const JSON_TEXT = [
  '{"id":123,"name":"Alice","tags":["a","b"],"nested":{"ok":true,"value":null,"pi":3.14159}}',
  '[\n  {\n    "role": "system",\n    "content": "Be brief."\n  },\n  {\n    "role": "user",\n    "content": "Hi!"\n  }\n]',
  '{"escaped":"line1\\nline2\\t\\"quoted\\"\\u00e9","emoji":"\\ud83d\\ude00","empty":{}}',
  '{"a":{"b":{"c":{"d":[1,2,3,[4,5,[6]]]}}},"k":"v"}',
];

const UNICODE = [
  '日本語のテキストを要約してください。東京は日本の首都です。',
  '中文测试：你好，世界！这是一个用于分词的句子。',
  '한국어 문장입니다. 토큰 수를 세어 보세요.',
  'مرحبا بالعالم! هذه جملة عربية للاختبار.',
  'שלום עולם, זה משפט בעברית.',
  'Привет, мир! Это тестовое предложение на русском языке.',
  'नमस्ते दुनिया, यह एक परीक्षण वाक्य है।',
  'สวัสดีชาวโลก นี่คือประโยคทดสอบ',
  'Ελληνικά: Γειά σου Κόσμε. Ούτε ένα.',
  'Combining: e\u0301 a\u0300 o\u0308 n\u0303 Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o',
  'NFKC-sensitive: ﬁ ﬂ ① ㈱ ｆｕｌｌｗｉｄｔｈ Ａ１ ™ ½ ² µ Å Ω K ⅷ ︷ ㎞ ﹏',
  'Ligatures and width: ＨＥＬＬＯ　ＷＯＲＬＤ　ｶﾀｶﾅ ｱｲｳ',
  'Math: 𝐀𝐁𝐂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ∑∫∂√∞ ≠ ≤ ≥ ∈ ∀x∃y',
  'Zero-width:\u200bjoin\u200dhere\u200cnot\ufeffbom\u00a0nbsp\u2003em\u3000ideographic',
  'Smart quotes “like this” and ‘this’ — with en–dash and ellipsis…',
];

const EMOJI = [
  '😀😃😄😁😆😅😂🤣',
  '👨‍👩‍👧‍👦 family, 👩🏽‍💻 coder, 🏳️‍🌈 flag, ❤️‍🔥 heart on fire',
  '🇺🇸🇬🇧🇯🇵🇩🇪 flags 👍🏻👍🏼👍🏽👍🏾👍🏿',
  'Great job! 🎉🎉 Let’s ship it 🚀✨ #launch',
  '☕️ ☀️ ✔️ ❄️ ⚠️ 1️⃣ #️⃣ *️⃣',
];

const SPECIAL = [
  '<|endoftext|>',
  '<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n',
  'before <|endofprompt|> after <|endoftext|>',
  '<|fim_prefix|>def add(a, b):\n<|fim_suffix|>\n    return c<|fim_middle|>',
  'text<|endoftext|>text<|im_sep|><|start|><|end|><|message|><|channel|>',
  '<|not_a_token|> <|endoftext <|endoftext|',
];

const EDGE = [
  '',
  ' ',
  '\n',
  '\r\n',
  '\r\n\r\n\r\n',
  '\t\t\tindent',
  'trailing spaces   ',
  '   leading spaces',
  'a  b   c    d',
  'line1\nline2\r\nline3\rline4',
  '\n\n\nword\n\n',
  'x\n  \n  y',
  'lone high \ud800 surrogate',
  'lone low \udc00 surrogate',
  'reversed \udc00\ud800 pair',
  '\ud83d',
  'end with high \ud83d',
  'null\u0000char and \u0001\u001f controls \u007f del',
  'slashes /// and \\\\\\ and //\n//\n/',
  '!!!\n\n\n???\r\n\r\n...',
  "'s 'S 'T 'RE 'VE 'M 'LL 'D 's's's",
  'ALLCAPS CamelCase snake_case kebab-case SCREAMING_SNAKE mIxEd',
  '....................................................................................................',
  '----------------------------------------------------------------',
  '==== Section ====\n**bold** __under__ ~~strike~~ `code`',
  '1234567890123456789012345678901234567890',
  'a1b2c3d4e5f6 0xdeadbeef 3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
];

export const FRAGMENT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  prose: PROSE,
  prompts: PROMPTS,
  code: CODE,
  json: JSON_TEXT,
  unicode: UNICODE,
  emoji: EMOJI,
  special: SPECIAL,
  edge: EDGE,
};

const SEPARATORS = [' ', '', '\n', '\r\n', '\n\n', '\t', '  ', ' / ', ', ', '. ', '\u3000', '\u00a0'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function mutate(random: () => number, text: string): string {
  const roll = random();
  if (roll < 0.1) return text.toUpperCase();
  if (roll < 0.15) return text.toLowerCase();
  if (roll < 0.25) {
    // Cut anywhere, possibly between the halves of a surrogate pair.
    const cut = Math.floor(random() * (text.length + 1));
    return random() < 0.5 ? text.slice(0, cut) : text.slice(cut);
  }
  if (roll < 0.32) {
    // A short repeated run (kept well under the counter's run limit).
    const char = pick(random, ['a', ' ', '-', '\n', '😀', '中', '0', 'é', '\u0301', '/']);
    const at = Math.floor(random() * (text.length + 1));
    return text.slice(0, at) + char.repeat(1 + Math.floor(random() * 40)) + text.slice(at);
  }
  if (roll < 0.38) {
    // Insert a random code point (any plane, including lone surrogates).
    const codePoint = Math.floor(random() * 0x30000);
    const char = codePoint >= 0xd800 && codePoint <= 0xdfff ? String.fromCharCode(codePoint) : String.fromCodePoint(codePoint);
    const at = Math.floor(random() * (text.length + 1));
    return text.slice(0, at) + char + text.slice(at);
  }
  if (roll < 0.42) return text.replace(/\n/g, '\r\n');
  return text;
}

/** Every fragment on its own, then `generated` PRNG combinations of 1–12 mutated fragments, then a few long ones. */
export function buildAgreementCorpus(generated = 3200, seed = 20261124): string[] {
  const random = seededRandom(seed);
  const groups = Object.values(FRAGMENT_GROUPS);
  const all = groups.flat();
  const corpus: string[] = [...all];
  for (let i = 0; i < generated; i++) {
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 12);
    // Half of the strings stay within one kind of text, half mix kinds.
    const pool = random() < 0.5 ? pick(random, groups) : all;
    for (let j = 0; j < count; j++) {
      if (j > 0) parts.push(pick(random, SEPARATORS));
      parts.push(mutate(random, pick(random, pool)));
    }
    corpus.push(parts.join(''));
  }
  // Long-ish strings (4–20 KB) with ordinary breaks: they exercise segmenting without long runs.
  for (let i = 0; i < 40; i++) {
    const parts: string[] = [];
    const target = 4000 + Math.floor(random() * 16000);
    let length = 0;
    while (length < target) {
      const part = pick(random, all) + pick(random, SEPARATORS);
      parts.push(part);
      length += part.length;
    }
    corpus.push(parts.join(''));
  }
  return corpus;
}
