import * as assert from 'assert';
import { compressPrompt } from '../../../../src/core/compress/compressPrompt';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';
import { rewritePromptLiteral, type LiteralEdit } from '../../../../src/core/rewrite/rewritePromptLiteral';

/** Text with every character a literal must escape somewhere: quotes, backslash, tab, line break, backtick, `$`. */
const TRICKY = 'Say "hi", it\'s fine \\ C:\\tmp\tcol `tick` $5 {\n';

async function promptAt(source: string, file: string, marker: string): Promise<{ prompt: FoundPrompt; all: FoundPrompt[] }> {
  const all = await findPrompts(source, file);
  const at = source.indexOf(marker);
  const prompt = all.find((p) => p.startOffset <= at && at < p.endOffset);
  assert.ok(prompt, `no prompt found around ${JSON.stringify(marker)} in ${file}; found ${all.map((p) => JSON.stringify(p.text.slice(0, 30))).join(', ')}`);
  return { prompt, all };
}

/** Rewrites the prompt with `change(text)`, applies the edit, and checks the engine reads it back. */
async function roundTrip(source: string, file: string, marker: string, change: (text: string) => string): Promise<{ edited: string; edit: LiteralEdit }> {
  const { prompt, all } = await promptAt(source, file, marker);
  const newText = change(prompt.text);
  assert.notStrictEqual(newText, prompt.text, 'the test must change the text');
  const edit = await rewritePromptLiteral(source, prompt, newText, { filePath: file });
  assert.ok(!('refused' in edit), `refused: ${'refused' in edit ? edit.refused : ''}`);
  const edited = source.slice(0, edit.start) + edit.replacement + source.slice(edit.end);
  const again = await findPrompts(edited, file);
  const found = again.find((p) => p.startOffset === prompt.startOffset);
  assert.ok(found, `the prompt is not found again in:\n${edited}`);
  assert.strictEqual(found.text, newText, `read back differently from:\n${edit.replacement}`);
  assert.strictEqual(found.kind, prompt.kind);
  assert.deepStrictEqual(found.placeholders.map((p) => [p.raw, p.syntax, p.name]), prompt.placeholders.map((p) => [p.raw, p.syntax, p.name]));
  assert.strictEqual(again.length, all.length, 'the number of prompts in the file changed');
  return { edited, edit };
}

const prepend = (extra: string) => (text: string) => extra + text;
const compress = (text: string) => compressPrompt(text, { mode: 'aggressive' }).compressed;

async function refusal(source: string, file: string, marker: string, newText: (text: string) => string): Promise<string> {
  const { prompt } = await promptAt(source, file, marker);
  const edit = await rewritePromptLiteral(source, prompt, newText(prompt.text), { filePath: file });
  assert.ok('refused' in edit, `expected a refusal, got ${JSON.stringify(edit)}`);
  return edit.refused;
}

const VERBOSE = 'Please make sure that you always answer in a very concise way. It is really important that you basically just answer the question.';

suite('rewritePromptLiteral: Python', () => {
  const call = (expr: string) => `from openai import OpenAI\nclient = OpenAI()\n\ndef ask(question, name):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": ${expr}}])\n`;

  test('double-quoted string', async () => {
    await roundTrip(call(`"${VERBOSE}"`), 'bot.py', 'Please', prepend(TRICKY));
  });
  test('single-quoted string, compressed', async () => {
    const { edited } = await roundTrip(call(`'${VERBOSE} Don\\'t ramble.'`), 'bot.py', 'Please', compress);
    assert.ok(edited.includes("'"), edited);
  });
  test('triple-quoted string keeps real line breaks', async () => {
    const { edit } = await roundTrip(call(`"""\n    ${VERBOSE}\n    Use the tools.\n    """`), 'bot.py', 'Please', prepend(TRICKY + '"""' + '\n'));
    assert.ok(edit.replacement.startsWith('"""'), edit.replacement);
    assert.ok(edit.replacement.includes('\n'), 'line breaks stay literal');
  });
  test('raw string falls back to an escaped one when it must', async () => {
    const { edit } = await roundTrip(call(`r"${VERBOSE} Paths look like C:\\data."`), 'bot.py', 'Please', prepend('Say "hi". '));
    assert.ok(edit.replacement.startsWith('"'), edit.replacement);
  });
  test('f-string: literal braces stay doubled, placeholders stay {expr}', async () => {
    const { edit } = await roundTrip(call(`f"Answer {question!r} for {name}. Output JSON like {{\\"a\\": 1}}. ${VERBOSE}"`), 'bot.py', 'Answer', compress);
    assert.ok(edit.replacement.includes('{question!r}') && edit.replacement.includes('{{'), edit.replacement);
  });
  test('implicit concatenation keeps one part per line', async () => {
    const src = call(`(\n        "You are a support bot.\\n"\n        "${VERBOSE}\\n"\n        f"The user is {name}.\\n"\n    )`);
    const { edit } = await roundTrip(src, 'bot.py', 'You are', (t) => t.replace('support bot', 'support "bot"'));
    const lines = edit.replacement.split('\n');
    assert.deepStrictEqual(lines.map((l) => l.trim()[0]), ['"', '"', 'f'], edit.replacement);
  });
  test('+ concatenation with a value', async () => {
    await roundTrip(call(`"You are a support bot. " + name + " asks: ${VERBOSE}"`), 'bot.py', 'You are', prepend(TRICKY));
  });
  test('textwrap.dedent keeps the indentation', async () => {
    const src = `import textwrap\nfrom openai import OpenAI\nclient = OpenAI()\nSYSTEM_PROMPT = textwrap.dedent("""\n    ${VERBOSE}\n    Use the tools.\n    """)\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM_PROMPT}])\n`;
    const { edit } = await roundTrip(src, 'bot.py', 'Please', compress);
    assert.ok(edit.replacement.includes('\n    '), edit.replacement);
  });
  test('refuses a concatenation that pulls in another constant', async () => {
    const src = `from openai import OpenAI\nclient = OpenAI()\nRULES = "Always be brief."\nSYSTEM_PROMPT = "${VERBOSE} " + RULES\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM_PROMPT}])\n`;
    const reason = await refusal(src, 'bot.py', 'Please', (t) => t.replace('Please ', ''));
    assert.match(reason, /elsewhere|constant/);
  });
  test('refuses when the new text drops a placeholder', async () => {
    const reason = await refusal(call(`f"Answer {question} now. ${VERBOSE}"`), 'bot.py', 'Answer', (t) => t.replace('{question}', 'it'));
    assert.match(reason, /question/);
  });
});

suite('rewritePromptLiteral: JavaScript / TypeScript', () => {
  const call = (expr: string) => `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport async function ask(question: string) {\n  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: ${expr} }] });\n}\n`;

  test('single-quoted string', async () => {
    await roundTrip(call(`'${VERBOSE}'`), 'bot.ts', 'Please', prepend(TRICKY));
  });
  test('double-quoted string', async () => {
    await roundTrip(call(`"${VERBOSE}"`), 'bot.ts', 'Please', compress);
  });
  test('template literal: backticks and a ${ that is no placeholder are escaped', async () => {
    const { edit } = await roundTrip(call(`\`Answer \${question} briefly.\n${VERBOSE}\``), 'bot.ts', 'Answer', prepend('Costs `$5` or ${'));
    assert.ok(edit.replacement.includes('\\`') && edit.replacement.includes('${question}'), edit.replacement);
  });
  test('+ concatenation with a value', async () => {
    await roundTrip(call(`'You are a bot. ' + question + ' ${VERBOSE}'`), 'bot.ts', 'You are', prepend(TRICKY));
  });
  test('JavaScript file, compressed', async () => {
    const src = `const OpenAI = require('openai');\nconst client = new OpenAI();\nclient.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: "${VERBOSE}" }] });\n`;
    await roundTrip(src, 'bot.js', 'Please', compress);
  });
  test('refuses String.raw text that needs an escape', async () => {
    const reason = await refusal(call(`String.raw\`${VERBOSE}\``), 'bot.ts', 'Please', prepend('a `tick` '));
    assert.match(reason, /String\.raw/);
  });
});

suite('rewritePromptLiteral: Go', () => {
  const file = (expr: string) => `package main\n\nimport openai "github.com/sashabaranov/go-openai"\n\nfunc ask(c *openai.Client, question string) {\n\tc.CreateChatCompletion(ctx, openai.ChatCompletionRequest{\n\t\tModel: openai.GPT4o,\n\t\tMessages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleSystem, Content: ${expr}}},\n\t})\n}\n`;

  test('interpreted string', async () => {
    await roundTrip(file(`"${VERBOSE}"`), 'main.go', 'Please', prepend(TRICKY));
  });
  test('raw string keeps its backticks while it can', async () => {
    const { edit } = await roundTrip(file(`\`${VERBOSE}\nUse "tools".\``), 'main.go', 'Please', compress);
    assert.ok(edit.replacement.startsWith('`'), edit.replacement);
  });
  test('a backtick in a raw string forces an interpreted string', async () => {
    const { edit } = await roundTrip(file(`\`${VERBOSE}\``), 'main.go', 'Please', prepend('Use `code`.\n'));
    assert.ok(edit.replacement.startsWith('"'), edit.replacement);
  });
  test('+ concatenation with a value', async () => {
    await roundTrip(file(`"You are a bot. " + question + " ${VERBOSE}"`), 'main.go', 'You are', prepend(TRICKY));
  });
});

suite('rewritePromptLiteral: Java', () => {
  const file = (expr: string) => `import org.springframework.ai.chat.client.ChatClient;\n\nclass Agent {\n    String ask(ChatClient chatClient, String question) {\n        return chatClient.prompt().system(${expr}).user(question).call().content();\n    }\n}\n`;

  test('string literal', async () => {
    await roundTrip(file(`"${VERBOSE}"`), 'Agent.java', 'Please', prepend(TRICKY));
  });
  test('text block', async () => {
    const { edit } = await roundTrip(file(`"""\n            ${VERBOSE}\n            Use the "tools".\n            """`), 'Agent.java', 'Please', prepend('Trailing blanks  \nand """triple""" quotes\n'));
    assert.ok(edit.replacement.startsWith('"""\n            '), edit.replacement);
  });
  test('+ concatenation with a value', async () => {
    await roundTrip(file(`"You are a bot. " + question + " ${VERBOSE}"`), 'Agent.java', 'You are', compress);
  });
});

suite('rewritePromptLiteral: C#', () => {
  const file = (expr: string) => `using OpenAI.Chat;\n\nclass Bot {\n    void Ask(ChatClient client, string question) {\n        client.CompleteChat(new SystemChatMessage(${expr}));\n    }\n}\n`;

  test('regular string', async () => {
    await roundTrip(file(`"${VERBOSE}"`), 'Bot.cs', 'Please', prepend(TRICKY));
  });
  test('verbatim string', async () => {
    const { edit } = await roundTrip(file(`@"${VERBOSE}\nUse ""tools""."`), 'Bot.cs', 'Please', prepend(TRICKY));
    assert.ok(edit.replacement.startsWith('@"'), edit.replacement);
  });
  test('interpolated string: literal braces doubled, holes kept', async () => {
    const { edit } = await roundTrip(file(`$"Answer {question} in JSON {{ \\"a\\": 1 }}. ${VERBOSE}"`), 'Bot.cs', 'Answer', compress);
    assert.ok(edit.replacement.includes('{question}') && edit.replacement.includes('{{'), edit.replacement);
  });
  test('raw string', async () => {
    const { edit } = await roundTrip(file(`"""\n            ${VERBOSE}\n            Use "tools".\n            """`), 'Bot.cs', 'Please', prepend('Quote """ run.\n'));
    assert.ok(edit.replacement.startsWith('""""\n'), edit.replacement);
  });
  test('interpolated raw string', async () => {
    await roundTrip(file(`$$"""\n            Answer {{question}} as {"json"}.\n            ${VERBOSE}\n            """`), 'Bot.cs', 'Answer', compress);
  });
  test('+ concatenation with a value', async () => {
    await roundTrip(file(`"You are a bot. " + question + " ${VERBOSE}"`), 'Bot.cs', 'You are', prepend(TRICKY));
  });
});

suite('rewritePromptLiteral: prompt files', () => {
  test('a .prompt.md body is replaced verbatim', async () => {
    const src = `---\nmodel: GPT-4.1\n---\n${VERBOSE}\nReview \${selection} now.\n`;
    const { edit } = await roundTrip(src, 'review.prompt.md', 'Please', compress);
    assert.ok(!edit.replacement.includes('\\'), edit.replacement);
  });
  test('a Prompty section', async () => {
    const src = `---\nname: answer\nmodel:\n  api: chat\n---\nsystem:\n${VERBOSE}\n\nuser:\n{{question}}\n`;
    await roundTrip(src, 'answer.prompty', 'Please', compress);
  });
  test('a plain-text prompt with CRLF line breaks keeps them', async () => {
    const src = `${VERBOSE}\r\nTicket: {ticket}\r\n`;
    const { edited } = await roundTrip(src, 'prompts/triage.txt', 'Please', (t) => t.replace('Please make sure that you always', 'Always'));
    assert.ok(edited.includes('\r\n') && !/[^\r]\n/.test(edited), JSON.stringify(edited));
  });
  test('an appsettings.json prompt is written back as an escaped JSON string, the file stays JSON', async () => {
    const src = `{\n  "Prompts": {\n    "System": ${JSON.stringify(`${VERBOSE}\nQuote: "as is".`)}\n  }\n}\n`;
    const { edited } = await roundTrip(src, 'webapi/appsettings.json', 'Please', compress);
    assert.ok(JSON.parse(edited).Prompts.System.includes('Quote: "as is".'), edited);
  });
});
