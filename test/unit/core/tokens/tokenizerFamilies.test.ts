import * as assert from 'assert';
import { claudeVersion, countingPlan, localTokenizerFor, type CountingPlan } from '../../../../src/core/tokens/tokenizerFamilies';

/** The plan in one short string: `encoding o200k_base`, `local qwen3`, `≈local qwen3`, `factor 1.2/1.3`. */
function brief(plan: CountingPlan): string {
  if (plan.kind === 'encoding') return `encoding ${plan.encoding}`;
  if (plan.kind === 'local') return `${plan.exact ? '' : '≈'}local ${plan.tokenizer}`;
  return `factor ${plan.prose}/${plan.code}`;
}

suite('tokens: tokenizerFamilies (which model is counted how)', () => {
  const cases: [string, string][] = [
    // OpenAI: their encodings, untouched.
    ['gpt-4o', 'encoding o200k_base'],
    ['azure/gpt-35-turbo', 'encoding cl100k_base'],
    // Claude: by generation, from the version in the id (a date is not a minor version).
    ['claude-3-5-sonnet-20241022', 'factor 1.2/1.3'],
    ['claude-sonnet-4-20250514', 'factor 1.2/1.3'],
    ['claude-sonnet-4-5', 'factor 1.2/1.3'],
    ['claude-opus-4-6', 'factor 1.2/1.3'],
    ['claude-haiku-4-5@20251001', 'factor 1.2/1.3'],
    ['claude-opus-4-7', 'factor 1.55/1.55'],
    ['us.anthropic.claude-opus-4-7-v1:0', 'factor 1.55/1.55'],
    ['claude-opus-4-8-20260601', 'factor 1.55/1.55'],
    ['anthropic/claude-sonnet-5', 'factor 1.55/1.55'],
    ['anthropic/claude-latest-alias', 'factor 1.2/1.3'],
    // Meta: Llama 3.x by the factor measured against its tokenizer; Llama 2 and 4 by the family's.
    ['llama-3.1-8b-instant', 'factor 1.01/1'],
    ['llama3-70b-8192', 'factor 1.01/1'],
    ['meta-llama/Meta-Llama-3.1-405B-Instruct', 'factor 1.01/1'],
    ['meta.llama3-1-70b-instruct-v1:0', 'factor 1.01/1'],
    ['llama-3.3-70b-versatile', 'factor 1.01/1'],
    ['llama-4-scout', 'factor 1.05/1.05'],
    ['llama-2-70b-chat', 'factor 1.05/1.05'],
    // Qwen: 3 exact, earlier generations with the shared vocabulary (≈).
    ['qwen3-235b-a22b', 'local qwen3'],
    ['Qwen/Qwen3-32B', 'local qwen3'],
    ['qwen2.5-coder-32b-instruct', '≈local qwen3'],
    ['qwen-max', '≈local qwen3'],
    ['qwq-32b', '≈local qwen3'],
    // DeepSeek V3 and R1, and the API's names for them.
    ['deepseek-chat', 'local deepseek-v3'],
    ['deepseek-reasoner', 'local deepseek-v3'],
    ['deepseek-ai/DeepSeek-R1', 'local deepseek-v3'],
    ['deepseek-v3-0324', 'local deepseek-v3'],
    ['deepseek-coder', 'factor 1.05/1.05'],
    // Google: Gemma 3, and Gemini 2.x/3 (which Google's SDKs count with Gemma 3's tokenizer), by its measured factor.
    ['gemma-3-27b-it', 'factor 1.07/1.25'],
    ['gemini-2.5-flash', 'factor 1.07/1.25'],
    ['vertex_ai/gemini-2.0-flash-001', 'factor 1.07/1.25'],
    ['gemini-3-pro-preview', 'factor 1.07/1.25'],
    ['gemini-flash-latest', 'factor 1.07/1.25'],
    ['gemini-1.5-pro', 'factor 1.1/1.1'],
    ['gemma-2-9b-it', 'factor 1.1/1.1'],
    // Mistral, per mistral-common.
    ['open-mistral-nemo', 'local mistral-tekken'],
    ['mistral-nemo-2407', 'local mistral-tekken'],
    ['ministral-8b-2410', 'local mistral-tekken'],
    ['mistral-small-2409', 'local mistral-tekken'],
    ['open-mistral-7b-v0.1', 'local mistral-spm-v1'],
    ['mistral.mistral-7b-instruct-v0:2', 'local mistral-spm-v1'],
    ['open-mixtral-8x7b', 'local mistral-spm-v1'],
    ['mistral-embed', 'local mistral-spm-v1'],
    ['mistral-small-2402', 'local mistral-spm-v2'],
    ['mistral-large-2402', 'local mistral-spm-v2'],
    ['open-mistral-7b', 'local mistral-spm-v3'],
    ['open-mixtral-8x22b', 'local mistral-spm-v3'],
    ['codestral-2405', 'local mistral-spm-v3'],
    ['mistral-large-2407', 'local mistral-spm-v3'],
    ['mistral-large-2411', '≈local mistral-spm-v3'],
    ['mistral-large-latest', '≈local mistral-spm-v3'],
    ['mistral-small-latest', '≈local mistral-tekken'],
    ['codestral-2501', '≈local mistral-tekken'],
    ['magistral-medium-2506', '≈local mistral-tekken'],
    ['devstral-small-2507', '≈local mistral-tekken'],
    // No public tokenizer.
    ['grok-4', 'factor 1/1'],
    ['command-r-plus', 'factor 1/1'],
    ['some-unknown-model', 'factor 1/1'],
  ];
  for (const [model, expected] of cases) {
    test(`${model} → ${expected}`, () => assert.strictEqual(brief(countingPlan(model)), expected));
  }

  test('Claude versions: major.minor from the id, dates and aliases ignored', () => {
    assert.deepStrictEqual(claudeVersion('claude-opus-4-7'), [4, 7]);
    assert.deepStrictEqual(claudeVersion('claude-3-5-sonnet-20241022'), [3, 5]);
    assert.deepStrictEqual(claudeVersion('claude-sonnet-4-20250514'), [4, 0]);
    assert.deepStrictEqual(claudeVersion('claude-instant-1.2'), [1, 2]);
    assert.strictEqual(claudeVersion('claude-latest'), null);
    // 4.10 comes after 4.9, not before 4.7.
    assert.strictEqual(brief(countingPlan('claude-opus-4-10')), 'factor 1.55/1.55');
  });

  test('every local plan that is not exact says why', () => {
    for (const [model] of cases) {
      const plan = countingPlan(model);
      if (plan.kind === 'local') assert.strictEqual(plan.exact, plan.note === null, model);
    }
  });

  test('Llama 3 and Gemma 3 / Gemini 2.x–3: measured factors whose basis gives the date and why the vocabulary is not shipped', () => {
    const llama = countingPlan('llama-3.3-70b-versatile');
    assert.ok(llama.kind === 'factor', 'Llama 3 is counted by a factor');
    assert.match(llama.basis, /^Llama 3 tokenizer factor, measured on 2026-12-08 .*1\.01× o200k on prose, 1\.00× on code and JSON.*not redistributed \(Meta Llama 3 Community License\)$/);
    const gemini = countingPlan('gemini-2.5-pro');
    assert.ok(gemini.kind === 'factor', 'Gemini 2.x is counted by a factor');
    assert.strictEqual(countingPlan('gemma-3-4b-it'), gemini);
    assert.match(gemini.basis, /^Gemma 3 tokenizer factor \(Google's local tokenizer for Gemini 2\.x\/3\), measured on 2026-12-08 .*1\.07× o200k on prose, 1\.18× on code, 1\.34× on JSON; 1\.25 .* between .*not redistributed \(Gemma Terms of Use\)$/);
    for (const model of ['llama-3.1-8b', 'gemini-2.5-flash', 'gemma-3-27b-it']) assert.strictEqual(localTokenizerFor(model), null, model);
  });

  test('localTokenizerFor names the tokenizer a prompt for that model needs, or null', () => {
    assert.strictEqual(localTokenizerFor('qwen3-32b'), 'qwen3');
    assert.strictEqual(localTokenizerFor('gpt-4o'), null);
    assert.strictEqual(localTokenizerFor('claude-opus-4-7'), null);
  });
});
