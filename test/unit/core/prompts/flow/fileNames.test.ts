/** How the flow resolves names (`FileNames`): here, command-line defaults that become a prompt and a model. */
import * as assert from 'assert';
import { callsIn } from '../callShapes';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';
import type { FileNames } from '../../../../../src/core/prompts/flow/fileNames';

suite('prompt flow: names', () => {
  test('argparse: `args.system_prompt` is the `default=` of `--system-prompt`; `args.model` the model default', async () => {
    const prompts = await findPrompts([
      'import argparse',
      'from openai import OpenAI',
      'parser = argparse.ArgumentParser()',
      'parser.add_argument("--system-prompt", default="You are a helpful assistant that summarizes news articles.")',
      'parser.add_argument("--model", dest="model", default="gpt-4o-mini")',
      'args = parser.parse_args()',
      'client = OpenAI()',
      'client.chat.completions.create(model=args.model, messages=[{"role": "system", "content": args.system_prompt}, {"role": "user", "content": "Summarize the headlines."}])',
    ].join('\n'), 'cli.py');
    const system = prompts.find((p) => p.role === 'system');
    assert.deepStrictEqual([system?.startLine, system?.text, system?.model], [4, 'You are a helpful assistant that summarizes news articles.', 'gpt-4o-mini']);
    assert.strictEqual(system?.calls?.[0]?.call.startLine, 8, 'the default is a part of the call that sends it');
  });

  test('an option without a default, or another object\'s member, gives nothing', async () => {
    const prompts = await findPrompts([
      'import argparse',
      'from openai import OpenAI',
      'parser = argparse.ArgumentParser()',
      'parser.add_argument("--system-prompt")',
      'args = parser.parse_args()',
      'client = OpenAI()',
      'client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": args.system_prompt}, {"role": "user", "content": "Summarize the headlines."}])',
    ].join('\n'), 'cli.py');
    // The system message is a variable part of the call, sized as a placeholder.
    assert.deepStrictEqual(prompts.map((p) => [p.role, p.text]), [['system', '{args.system_prompt}'], ['user', 'Summarize the headlines.']]);
  });

  test('a name bound in both branches of an if: both values are alternatives of the call (the larger counts)', async () => {
    for (const [file, source] of [
      ['branch.py', 'from openai import OpenAI\nclient = OpenAI()\ndef run(short, q):\n    if short:\n        p = "Answer in one sentence."\n    else:\n        p = "Answer in detail, with three examples and a summary."\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": p}, {"role": "user", "content": q}])\n'],
      ['branch.ts', 'import OpenAI from "openai";\nconst client = new OpenAI();\nexport function run(short: boolean, q: string) {\n  let p;\n  if (short) {\n    p = "Answer in one sentence.";\n  } else {\n    p = "Answer in detail, with three examples and a summary.";\n  }\n  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: p }, { role: "user", content: q }] });\n}\n'],
    ]) {
      const prompts = await findPrompts(source, file);
      const system = prompts.filter((p) => p.role === 'system');
      assert.strictEqual(system.length, 2, `${file}: both branches`);
      const slots = system.map((p) => p.calls?.[0]?.slot ?? '');
      assert.ok(slots.every((slot) => /\/\?\d+$/.test(slot)), `${file}: alternatives, not parts to add: ${slots.join(', ')}`);
    }
  });

  test('`messages += [{…}]` adds to the list the call sends, like `append`', async () => {
    const prompts = await findPrompts('from openai import OpenAI\nclient = OpenAI()\ndef c(q):\n    messages = [{"role": "system", "content": "You are a careful assistant."}]\n    messages += [{"role": "user", "content": "Explain the error message below in plain words."}]\n    return client.chat.completions.create(model="gpt-4o", messages=messages)\n', 'plus.py');
    assert.deepStrictEqual(prompts.map((p) => [p.startLine, p.role, p.calls?.map((m) => m.call.startLine)]), [[4, 'system', [6]], [5, 'user', [6]]]);
  });

  test('a list of questions iterated in a loop: each item is a value of the loop variable (alternatives of one call)', async () => {
    for (const [file, source] of [
      ['loop.py', 'from openai import OpenAI\nclient = OpenAI()\nQUESTIONS = ["What is the capital of France and why?", "Explain photosynthesis to a child."]\nfor q in QUESTIONS:\n    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n'],
      ['loop.ts', 'import OpenAI from "openai";\nconst client = new OpenAI();\nfor (const q of ["What is the capital of France and why?", "Explain photosynthesis to a child."]) {\n  await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });\n}\n'],
    ]) {
      const prompts = await findPrompts(source, file);
      assert.deepStrictEqual(prompts.map((p) => p.text), ['What is the capital of France and why?', 'Explain photosynthesis to a child.'], file);
      assert.ok(prompts.every((p) => /\/\?\d+$/.test(p.calls?.[0]?.slot ?? '')), `${file}: alternatives`);
    }
  });
  test('a message builder: its constructor and appendMessage / add_user_message calls are the messages it sends', async () => {
    const source = [
      "import OpenAI from 'openai';",
      "const SYSTEM = 'You answer questions about the lease using only the sources.';",
      'export async function ask(openAiChat: OpenAI, q: string, sources: string) {',
      '  const builder = new MessageBuilder(SYSTEM, "gpt-4o");',
      "  builder.appendMessage('user', `${q}\\nSources:\\n${sources}`);",
      "  builder.appendMessage('assistant', 'Example answer citing [info1.txt].');",
      '  const messages = builder.messages;',
      '  return openAiChat.completions.create({ model: "gpt-4o", messages });',
      '}',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'builder.ts'), [
      { line: 8, implied: false, api: 'other', model: 'gpt-4o', parts: ['system: You answer questions about the lease using only the sources.', 'user: ${q}\nSources:\n${sources}', 'assistant: Example answer citing [info1.txt].'] },
    ]);
  });

  test('a chat history filled with add_user_message / add_system_message is one call with those parts', async () => {
    const source = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask(history, q):',
      '    history.add_system_message("You are a terse assistant.")',
      '    history.add_user_message(q)',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=history.messages)',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'history.py'), [
      { line: 6, implied: false, api: 'chat', model: 'gpt-4o-mini', parts: ['system: You are a terse assistant.', 'user: {q}'] },
    ]);
  });
});

export type { FileNames };
