import * as assert from 'assert';
import { callHitAt } from '../../../../../src/core/pipeline/callLookup';
import { hoverMarkdown, type HoverFacts } from '../../../../../src/core/presentation/hover/hoverMarkdown';
import { countingMethod } from '../../../../../src/core/tokens/countingMethod';
import { callAnalysis, callEstimate, estimate, prompt, promptAnalysis } from '../analysisFixtures';

const FACTS: HoverFacts = { priceList: 'LiteLLM, 2026-07-24 (bundled)', expectedOutputTokens: 256, placeholderTokens: 50 };

// A system constant (line 5) and a user template (line 45) sent by one chat call at lines 43–52 to o4-mini
// ($1.10 / $4.40 per 1M), with two tools (one written out, one passed by name) and reasoning_effort="high".
const SYSTEM = promptAnalysis(
  prompt('You are a support agent.', { startLine: 5, endLine: 5, startOffset: 40, endOffset: 160, role: 'system', name: 'SYSTEM_PROMPT' }),
  [{ ...estimate('o4-mini', null), inputTokens: 120 }],
);
const USER = promptAnalysis(
  prompt('Customer asks: {question}', { startLine: 45, endLine: 45, startOffset: 600, endOffset: 680, role: 'user', kind: 'template' }),
  [{ ...estimate('o4-mini', null), inputTokens: 60, placeholders: [{ name: 'question', raw: '{question}', tokens: 50, source: 'default' }] }],
);
const PROMPTS = [SYSTEM, USER];

// Input 120 + 60 + framing 2 × (3 + 1) + 3 = 11 + tools 180 = 371. The cap 4,000 includes reasoning:
// typical 371 × 1.1/1M + (256 + 2,048) × 4.4/1M = $0.0105457; max 371 × 1.1/1M + 4,000 × 4.4/1M = $0.0180081.
const O4_MINI = callEstimate('o4-mini', {
  inputTokens: 371, partTokens: 180, overheadTokens: 11, toolTokens: 180, messages: 2,
  outputTokens: { typical: 256, max: 4000 },
  reasoningTokens: { typical: 2048, max: 4000, effort: 'high', source: 'effort' },
  costPerCall: 0.0105457, maxCostPerCall: 0.0180081, contextWindow: 200_000, contextShare: 371 / 200_000,
  assumed: ['{question}', '1 tool passed by name'],
});
// $0.15 / $0.60 per 1M, no reasoning: 371 × 0.15/1M + 256 × 0.6/1M = $0.00020925; max + 4,000 × 0.6/1M = $0.00245565.
const GPT_4O_MINI = callEstimate('gpt-4o-mini', { inputTokens: 371, outputTokens: { typical: 256, max: 4000 }, costPerCall: 0.00020925, maxCostPerCall: 0.00245565 });
const MYSTERY = callEstimate('mystery-model', {
  exact: false, inputTokens: 380, costPerCall: null,
  counting: { kind: 'factor', prose: 1, code: 1, basis: 'an unknown model: counted as o200k' },
});

const PARTS = [
  { index: 0, slot: '/messages/0', tokens: 120, share: 120 / 371 },
  { index: 1, slot: '/messages/1', tokens: 60, share: 60 / 371 },
];
const TOOLS = [
  { name: 'lookup_order', schema: { type: 'function', function: { name: 'lookup_order', description: 'Find an order' } } },
  { name: 'get_weather', schema: null },
];
const CALL = callAnalysis([O4_MINI, GPT_4O_MINI, MYSTERY], PARTS, { model: 'o4-mini', maxOutputTokens: 4000, reasoningEffort: 'high', tools: TOOLS });

suite('presentation: hover Markdown of a call', () => {
  test('a system + user call with tools and reasoning: every anatomy line, the compare table, assumptions and the date', () => {
    const md = hoverMarkdown({ call: CALL, part: null, callsOfPart: [] }, PROMPTS, FACTS);
    assert.deepStrictEqual(md.split('\n'), [
      '**Prompt Cost Lens** · call at lines 43–52 · **o4\\-mini** · $0.011–0.018/call',
      '',
      '**Anatomy** (o4\\-mini)',
      '',
      '- system · SYSTEM\\_PROMPT · line 5 · 120 tokens · 32 %',
      '- user · line 45 · 60 tokens · 16 %',
      '- framing · 11 tokens · chat framing, OpenAI convention (2 messages)',
      '- tools · 180 tokens · 2 tools, 1 sized at 100 each (not written out: get\\_weather)',
      '- **input · 371 tokens** · 0.2 % of 200K context',
      "- output · 256 typical (promptCost.expectedOutputTokens) · 4,000 max (the call's cap, in the code)",
      '- reasoning · ~2,048 typical · 4,000 max · effort high, from the code',
      '',
      '**Compared** (cost per call: typical–max)',
      '',
      '| Model | In | Out | Reasoning | $/call |',
      '|:--|--:|--:|--:|--:|',
      '| **o4\\-mini** | 371 | 256–4k | ~2k | $0.011–0.018 |',
      '| gpt\\-4o\\-mini | 371 | 256–4k | — | $0.00021–0.0025 |',
      '| mystery\\-model | ≈ 380 | 256 | — | no price |',
      '',
      // 0.00020925 / 0.0105457 − 1 = −0.980…
      'Cheapest compared: **gpt\\-4o\\-mini** at $0.00021 (−98 % per call).',
      '',
      '**Assumed:** \\{question\\}; 1 tool passed by name.',
      '',
      '**Placeholders:** \\{question\\} ≈ 50 tokens (default size).',
      '',
      '**Token counts:**',
      '',
      '- o4\\-mini, gpt\\-4o\\-mini — exact\\: OpenAI encoding o200k\\_base',
      '- mystery\\-model — ≈ o200k\\_base ×1\\: an unknown model\\: counted as o200k',
      '',
      '≈ marks an estimate: a token factor, or framing, tools or a schema without a published formula. Prices in USD: LiteLLM, 2026\\-07\\-24 \\(bundled\\).',
    ]);
  });

  test('the provider\'s billing rules sit between the compared models and the assumptions', () => {
    const billed = callEstimate('claude-sonnet-4-5', {
      batchCostPerCall: 0.0005,
      billing: [{ rule: 'batch', text: 'batch −50 %' }, { rule: 'cacheMinimum', text: 'below the 1,024-token cache minimum: no cache discount' }],
    });
    const call = callAnalysis([billed], [{ index: 0, slot: '/messages/0', tokens: 100, share: 1 }], { model: 'claude-sonnet-4-5', api: 'messages' });
    const lines = hoverMarkdown({ call, part: null, callsOfPart: [] }, [SYSTEM], FACTS).split('\n');
    const at = lines.indexOf("**Billing** (claude\\-sonnet\\-4\\-5, the provider's rules)");
    assert.ok(at > lines.findIndex((l) => l.startsWith('**Compared**')) && at < lines.findIndex((l) => l.startsWith('**Assumed:**')), lines.join('\n'));
    assert.deepStrictEqual(lines.slice(at + 2, at + 4), ['- batch −50 %: $0.0005/call', '- below the 1,024-token cache minimum: no cache discount']);
  });

  test('one counting method is one line: a Gemini call says it is ≈ by the Gemma 3 tokenizer factor', () => {
    const gemini = callEstimate('gemini-2.5-flash', { counting: countingMethod('gemini-2.5-flash') });
    const call = callAnalysis([gemini], [{ index: 0, slot: '/messages/0', tokens: 100, share: 1 }], { model: 'gemini-2.5-flash', api: 'gemini' });
    const lines = hoverMarkdown({ call, part: null, callsOfPart: [] }, [SYSTEM], FACTS).split('\n');
    const line = lines.find((l) => l.startsWith('**Token counts:** gemini\\-2\\.5\\-flash — '));
    assert.ok(line, lines.join('\n'));
    assert.ok(line.includes('— ≈ o200k\\_base ×1\\.07 \\(prose\\) / ×1\\.25 \\(code\\)\\: Gemma 3 tokenizer factor '), line);
  });

  test("a provider's count: the whole input says so, and the Token counts line is `exact (Anthropic API)`", () => {
    const claude = callEstimate('claude-sonnet-4-5', { inputTokens: 130, counting: { kind: 'provider', provider: 'anthropic', added: 0 } });
    const call = callAnalysis([claude], [{ index: 0, slot: '/messages/0', tokens: 120, share: 120 / 130 }], { model: 'claude-sonnet-4-5', api: 'messages' });
    const lines = hoverMarkdown({ call, part: null, callsOfPart: [] }, [SYSTEM], FACTS).split('\n');
    assert.ok(lines.includes('- **input · 130 tokens** · exact \\(Anthropic API\\): the whole request as the API counts it'), lines.join('\n'));
    assert.ok(lines.includes('**Token counts:** claude\\-sonnet\\-4\\-5 — exact \\(Anthropic API\\).'), lines.join('\n'));
  });

  test('exact counts on and not answered yet: the hover says the ≈ figure waits for the provider', () => {
    const claude = callEstimate('claude-sonnet-4-5', { exact: false, counting: countingMethod('claude-sonnet-4-5') });
    const call = { ...callAnalysis([claude], [{ index: 0, slot: '/messages/0', tokens: 100, share: 1 }], { model: 'claude-sonnet-4-5', api: 'messages' }), countRequests: [{ provider: 'anthropic' as const, model: 'claude-sonnet-4-5', key: 'k', body: {} }] };
    const lines = hoverMarkdown({ call, part: null, callsOfPart: [] }, [SYSTEM], FACTS).split('\n');
    assert.ok(lines.includes('Exact count requested from the Anthropic API: ≈ until it answers.'), lines.join('\n'));
  });

  test('a part that reaches two calls lists both (line and cost) and shows the first one’s anatomy', () => {
    // SYSTEM_PROMPT is sent by the call above and by a second one at line 70 (gpt-4o-mini only).
    const second = callAnalysis([callEstimate('gpt-4o-mini', { inputTokens: 131, costPerCall: 0.00017, maxCostPerCall: 0.0004, outputTokens: { typical: 256, max: 600 } })], [{ index: 0, slot: '/messages/0', tokens: 120, share: 120 / 131 }], {
      startLine: 70, endLine: 70, startOffset: 1200, endOffset: 1300, model: 'gpt-4o-mini', maxOutputTokens: 600,
    });
    const document = { prompts: PROMPTS, calls: [CALL, second] };
    const hit = callHitAt(document, 50);
    assert.ok(hit);
    assert.deepStrictEqual([hit.call, hit.part, hit.callsOfPart], [CALL, 0, [CALL, second]]);
    const lines = hoverMarkdown(hit, PROMPTS, FACTS).split('\n');
    assert.deepStrictEqual(lines.slice(0, 7), [
      '**Prompt Cost Lens** · call at lines 43–52 · **o4\\-mini** · $0.011–0.018/call',
      '',
      'This text is a part of 2 calls:',
      '',
      '- call at lines 43–52 · o4\\-mini · $0.011–0.018/call (below)',
      '- call at line 70 · gpt\\-4o\\-mini · $0.00017–0.0004/call',
      '',
    ]);
    assert.ok(lines.includes('- system · SYSTEM\\_PROMPT · line 5 · 120 tokens · 32 % · ← here'), lines.join('\n'));
    assert.ok(lines.includes('- user · line 45 · 60 tokens · 16 %'));
  });

  test('a call that names no model: the default is marked and listed among the assumptions', () => {
    // SYSTEM (100 tokens here) + a user message that is a variable (sized 50) + framing 2 × 4 + 3 = 161.
    const gpt4o = callEstimate('gpt-4o', {
      inputTokens: 161, partTokens: 150, overheadTokens: 11, messages: 2, costPerCall: 0.0028, outputTokens: { typical: 256, max: 16384 }, maxCostPerCall: 0.16,
      assumed: ['ticket_body (user message)'],
    });
    const call = callAnalysis([gpt4o], [{ index: 0, slot: '/messages/0', tokens: 100, share: 100 / 161 }], { variableMessages: [{ role: 'user', name: 'ticket_body' }] });
    const md = hoverMarkdown({ call, part: null, callsOfPart: [] }, [SYSTEM], FACTS);
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '**Prompt Cost Lens** · call at lines 43–52 · **gpt\\-4o \\(default\\)** · $0.0028–0.16/call');
    assert.deepStrictEqual(lines.slice(4, 7), [
      '- system · SYSTEM\\_PROMPT · line 5 · 100 tokens · 62 %',
      '- user · ticket\\_body (a variable) · ~50 tokens (placeholder size) · 31 %',
      '- framing · 11 tokens · chat framing, OpenAI convention (2 messages)',
    ]);
    assert.ok(lines.includes('| **gpt\\-4o** (default) | 161 | 256–16.4k | $0.0028–0.16 |'), md);
    assert.ok(lines.includes("- output · 256 typical (promptCost.expectedOutputTokens) · 16,384 max (the model's maximum output; the call sets no cap)"), md);
    assert.ok(lines.includes('**Assumed:** the model: gpt\\-4o is your default (promptCost.models), the code names none; ticket\\_body \\(user message\\).'), md);
    // No reasoning anywhere: no reasoning line and no reasoning column.
    assert.ok(lines.includes('| Model | In | Out | $/call |'));
    assert.ok(!lines.some((l) => l.startsWith('- reasoning')));
    assert.doesNotMatch(md, /≈ marks/);
  });

  test('a Claude call with a schema passed by name and a thinking budget', () => {
    // 100 content + schema sized 100 = 200 input; budget 8,000 × 0.35 = 2,800 typical, capped by max_tokens 10,000.
    const claude = callEstimate('claude-sonnet-4-5', {
      exact: false, inputTokens: 200, schemaTokens: 100, outputTokens: { typical: 256, max: 10000 },
      reasoningTokens: { typical: 2800, max: 8000, effort: null, source: 'budget' }, costPerCall: 0.047, maxCostPerCall: 0.15,
      assumed: ['response schema passed by name'],
    });
    const call = callAnalysis([claude], [{ index: 0, slot: '', tokens: 100, share: 0.5 }], {
      api: 'messages', model: 'claude-sonnet-4-5', maxOutputTokens: 10000, thinkingBudget: 8000, responseFormat: 'unknown',
    });
    const lines = hoverMarkdown({ call, part: null, callsOfPart: [] }, [SYSTEM], FACTS).split('\n');
    assert.deepStrictEqual(lines.slice(5, 10), [
      '- framing · 0 tokens · none counted: Anthropic publishes no message framing',
      '- response schema · 100 tokens · sized at 100: passed by name',
      '- **input · ≈ 200 tokens**',
      "- output · 256 typical (promptCost.expectedOutputTokens) · 10,000 max (the call's cap, in the code)",
      '- reasoning · ~2,800 typical · 8,000 max · thinking budget 8,000 from the code',
    ]);
    assert.ok(lines.includes('| **claude\\-sonnet\\-4\\-5** | ≈ 200 | 256–10k | ~2.8k | $0.047–0.15 |'), lines.join('\n'));
    assert.ok(lines.includes('**Assumed:** response schema passed by name.'));
  });

  test('a call without a price says "no price", never $0.00', () => {
    const unpriced = callEstimate('in-house-llm', { exact: false, costPerCall: null, maxCostPerCall: null });
    const call = callAnalysis([unpriced], [{ index: 0, slot: '', tokens: 100, share: 1 }], { model: 'in-house-llm', api: 'other' });
    const md = hoverMarkdown({ call, part: null, callsOfPart: [] }, [SYSTEM], FACTS);
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '**Prompt Cost Lens** · call at lines 43–52 · **in\\-house\\-llm** · no price');
    assert.ok(lines.includes('| **in\\-house\\-llm** | ≈ 100 | 256 | no price |'), md);
    assert.ok(lines.includes('- framing · 0 tokens · none counted: no published framing for this API'), md);
    assert.ok(lines.includes('- output · 256 typical (promptCost.expectedOutputTokens) · no max: the call sets no cap and the price list gives none'), md);
    assert.doesNotMatch(md, /\$0\.00\b/);
  });

  test('names from the file are escaped: no link, HTML or table syntax gets through', () => {
    const hostile = promptAnalysis(prompt('Hi', { name: '[click](command:x)', role: '<b>|' }), [estimate('o4-mini', null)]);
    const call = callAnalysis([callEstimate('<img src=x>')], [{ index: 0, slot: '', tokens: 100, share: 1 }], { implied: true });
    const md = hoverMarkdown({ call, part: 0, callsOfPart: [] }, [hostile], FACTS);
    assert.doesNotMatch(md, /\[click\]\(command:x\)/);
    assert.doesNotMatch(md, /<img|<b>/);
    assert.match(md, /^\*\*Prompt Cost Lens\*\* · \\\[click\\\]\\\(command\\:x\\\) at lines 43–52, no call seen · /);
    assert.match(md, /^- &lt;b&gt;\\\| · \\\[click\\\]/m);
  });
});
