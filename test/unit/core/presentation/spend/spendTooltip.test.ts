import * as assert from 'assert';
import { spendStatusView } from '../../../../../src/core/presentation/spend/spendStatusView';
import { commandLink, spendTooltipMarkdown } from '../../../../../src/core/presentation/spend/spendTooltip';
import { NOW, result, snapshot, state } from './spendViewSupport';

const commands = { refresh: 'promptCost.refreshSpend', openDashboard: 'promptCost.openDashboard', configure: 'promptCost.configureSpend', setApiKey: 'promptCost.setApiKey' };

suite('spend tooltip markdown', () => {
  const budgets = { daily: 2, monthly: 50 };
  const snap = snapshot([
    state('tracker', 'ok', {
      result: result('tracker', 1.23, { monthToDate: 20, projectedMonth: 41.33, byModel: { 'gpt-4o': 1, 'gpt-4o-mini': 0.23 }, fetchedAt: NOW - 120_000 }),
    }),
    state('openai', 'unavailable', { failure: { category: 'no-key', message: 'openai: no key stored for https://api.openai.com', at: NOW } }),
  ]);
  const md = spendTooltipMarkdown(snap, spendStatusView(snap, budgets), { budgets, perRequestLimit: 0.05, commands });

  test('per source, per model, month to date, projection, budget left, last update', () => {
    assert.match(md, /\*\*LLM spend today: \$1\.23\+\*\* of \$2\.00 \(61\.5 %\)/);
    assert.match(md, /\| tracker \| \$1\.23 \| \$20\.00 \| ok \|/);
    assert.match(md, /\| openai \| — \| — \| no key \|/);
    assert.match(md, /By model today: gpt\\-4o \$1\.00 · gpt\\-4o\\-mini \$0\.23/);
    assert.match(md, /projected month \$41\.33/);
    assert.match(md, /Budget left: today \$0\.77/);
    assert.match(md, /Per-request limit \$0\.05/);
    assert.match(md, /Last update 11:58 UTC \(2 min ago\)/);
  });

  test('command links: refresh, dashboard, configure, and Set API Key for the source without a key', () => {
    assert.ok(md.includes('](command:promptCost.refreshSpend)'));
    assert.ok(md.includes('](command:promptCost.openDashboard)'));
    assert.ok(md.includes('](command:promptCost.configureSpend)'));
    assert.ok(md.includes(`](${commandLink('promptCost.setApiKey', [{ source: 'openai' }])})`));
    const links = [...md.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.deepStrictEqual([...new Set(links)].sort(), Object.values(commands).sort(), 'no other command is linked');
  });

  test('server text is escaped: no links, HTML, icons or table breaks from a model name', () => {
    const evil = snapshot([
      state('tracker', 'ok', { result: result('tracker', 1, { byModel: { '[x](command:workbench.action.terminal.new) <img src=x> $(zap) | a': 1 } }) }),
    ]);
    const out = spendTooltipMarkdown(evil, spendStatusView(evil, budgets), { budgets, commands });
    assert.ok(!out.includes('](command:workbench'), out);
    assert.ok(!out.includes('<img'), out);
    assert.ok(!out.includes('$(zap)'), out);
    assert.ok(out.includes('\\[x\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)'), out);
  });
});
