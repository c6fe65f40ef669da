/** The calls the flow attaches text to (`FlowCalls`): here, requests whose every message is a variable. */
import * as assert from 'assert';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';
import type { FlowCalls } from '../../../../../src/core/prompts/flow/flowCalls';

suite('prompt flow: calls', () => {
  test('a request whose messages are all variables is found: each variable is a one-placeholder part, at its place', async () => {
    const prompts = await findPrompts([
      'from openai import OpenAI',
      'client = OpenAI()',
      'def answer(system_prompt, question):',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[',
      '        {"role": "system", "content": system_prompt},',
      '        {"role": "user", "content": question},',
      '    ])',
    ].join('\n'), 'bare.py');
    assert.deepStrictEqual(prompts.map((p) => [p.startLine, p.role, p.text, p.kind, p.placeholders.map((x) => x.name)]), [
      [5, 'system', '{system_prompt}', 'template', ['system_prompt']],
      [6, 'user', '{question}', 'template', ['question']],
    ]);
    const call = prompts[0].calls?.[0]?.call;
    assert.ok(call && !call.implied && call.startLine === 4);
    assert.deepStrictEqual(call.variableMessages, [], 'sized once: as parts, not also as variables of the call');
  });

  test('a request with text of its own: its variables are parts too, each once', async () => {
    const prompts = await findPrompts('from openai import OpenAI\nclient = OpenAI()\ndef a(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": q}])\n', 'mixed.py');
    assert.deepStrictEqual(prompts.map((p) => [p.role, p.text]), [['system', 'Answer briefly.'], ['user', '{q}']]);
    assert.deepStrictEqual(prompts[1].calls?.[0]?.call.variableMessages, [], 'not counted again as a variable of the call');
  });

  test('tool results and whole messages of unknown role are never parts; the conversation they are added to is', async () => {
    const prompts = await findPrompts([
      'from openai import OpenAI',
      'client = OpenAI()',
      'def follow_up(history, reply, result):',
      '    history.append(reply)',
      '    history.append({"role": "tool", "tool_call_id": "1", "content": result})',
      '    return client.chat.completions.create(model="gpt-4o", messages=history)',
    ].join('\n'), 'tools.py');
    // The conversation passed in whole is the call's part; the reply and the tool result appended to it are
    // placeholders of the call, never parts of their own.
    assert.deepStrictEqual(prompts.map((p) => [p.startLine, p.text]), [[6, '{history}']]);
    assert.deepStrictEqual(prompts[0].calls?.[0]?.call.variableMessages.map((m) => m.name), ['reply', 'result']);
  });

  test('message classes whose content the file cannot show (an imported prompt) are the call\'s variable parts, with their role', async () => {
    const prompts = await findPrompts([
      'from langchain_openai import ChatOpenAI',
      'from langchain_core.messages import SystemMessage, HumanMessage',
      'from .prompts import REJECTION_PROMPT',
      'llm = ChatOpenAI(model="gpt-4o-mini")',
      'def reject(content):',
      '    return llm.invoke([SystemMessage(content=REJECTION_PROMPT), HumanMessage(content=content)])',
    ].join('\n'), 'reject.py');
    assert.deepStrictEqual(prompts.map((p) => [p.role, p.text, p.model]), [['system', '{REJECTION_PROMPT}', 'gpt-4o-mini'], ['user', '{content}', 'gpt-4o-mini']]);
  });
});

export type { FlowCalls };
