/** How the flow resolves names (`FileNames`): here, command-line defaults that become a prompt and a model. */
import * as assert from 'assert';
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
    assert.deepStrictEqual(prompts.map((p) => p.role), ['user']);
    // The system message is a variable of the call, sized as a placeholder.
    assert.deepStrictEqual(prompts[0].calls?.[0]?.call.variableMessages, [{ role: 'system', name: 'args.system_prompt' }]);
  });
});

export type { FileNames };
