/** Prompts found by name (`addNamedPrompts`): here, few-shot messages kept under a prompt name. */
import * as assert from 'assert';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';
import type { PromptFlowResults } from '../../../../../src/core/prompts/flow/namedPrompts';

suite('prompt flow: prompts by name', () => {
  test('a list of few-shot messages bound to a prompt name: each message is a prompt with its role', async () => {
    const prompts = await findPrompts([
      "import type { Message } from './message';",
      'const QUERY_PROMPT_FEW_SHOTS: Message[] = [',
      "  { role: 'user', content: 'What happens if a payment error occurs?' },",
      "  { role: 'assistant', content: 'Show support for payment errors' },",
      '];',
      "const ROWS = [{ role: 'admin', content: 'not a chat message list' }];",
    ].join('\n'), 'shots.ts');
    assert.deepStrictEqual(prompts.map((p) => [p.startLine, p.role, p.text, p.evidence]), [
      [3, 'user', 'What happens if a payment error occurs?', 'name'],
      [4, 'assistant', 'Show support for payment errors', 'name'],
    ]);
  });
});

export type { PromptFlowResults };
