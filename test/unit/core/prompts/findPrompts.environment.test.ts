/**
 * Python/JS (the prompt flow, `flow/callSettings.ts`): the model of a call read from the environment is
 * the default written next to the lookup, else no model (the user's default applies); never the
 * variable's name.
 */
import * as assert from 'assert';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';

async function modelOf(source: string, file: string): Promise<string | null> {
  const found = await findPrompts(source, file);
  assert.strictEqual(found.length, 1, `expected one prompt, got ${JSON.stringify(found.map((p) => p.text))}`);
  return found[0].model;
}

const py = (model: string) =>
  `import os\nfrom openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model=${model}, messages=[{"role": "user", "content": "Summarize the report."}])\n`;
const ts = (model: string) =>
  `import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: ${model}, messages: [{ role: 'user', content: 'Summarize the report.' }] });\n`;

suite('prompts: call settings read from the environment', () => {
  const pythonCases: [string, string | null][] = [
    ['os.getenv("MISTRAL_MODEL")', null],
    ['os.getenv("OLLAMA_TEST_MODEL")', null],
    ['os.environ["OLLAMA_TEST_MODEL"]', null],
    ['os.environ.get("CLAUDE_MODEL")', null],
    ['os.getenv("MODEL", "gpt-4o")', 'gpt-4o'],
    ['os.environ.get("MODEL", "my-finetune")', 'my-finetune'],
    ['os.getenv("MODEL", default="gpt-4o-mini")', 'gpt-4o-mini'],
    ['os.environ.get("GPT_MODEL") or "gpt-4.1"', 'gpt-4.1'],
    ['"AZURE_OPENAI_DEPLOYMENT_NAME"', null], // a variable's name written where its value belongs
    ['"my-finetune"', 'my-finetune'],
  ];
  for (const [expr, model] of pythonCases) {
    test(`Python model=${expr} → ${model}`, async () => assert.strictEqual(await modelOf(py(expr), 'a.py'), model));
  }

  test('Python: a module constant bound to an env lookup with a default', async () => {
    const src = py('MODEL').replace('client = OpenAI()', 'client = OpenAI()\nMODEL = os.getenv("LLM_MODEL", "claude-haiku-4-5")');
    assert.strictEqual(await modelOf(src, 'a.py'), 'claude-haiku-4-5');
  });

  const tsCases: [string, string | null][] = [
    ['process.env.MISTRAL_MODEL', null],
    ['process.env["OLLAMA_TEST_MODEL"]', null],
    ['process.env.OPENAI_MODEL!', null],
    ['process.env.MODEL ?? "gpt-4o"', 'gpt-4o'],
    ['process.env.MODEL || "gpt-4o-mini"', 'gpt-4o-mini'],
    ['import.meta.env.VITE_MODEL ?? "o4-mini"', 'o4-mini'],
  ];
  for (const [expr, model] of tsCases) {
    test(`TS model: ${expr} → ${model}`, async () => assert.strictEqual(await modelOf(ts(expr), 'a.ts'), model));
  }
});
