/**
 * `prompt-cost prices update|show|status|reset`: refresh the price catalogue from LiteLLM's file (or a
 * mirror, or a file), look up one model's rates as every other command would price it, say which catalogue
 * is in use. The refreshed copy lives in the user's cache (cliCatalogue.ts); the bundled one stays the
 * fallback.
 */
import { removeCatalogueFile } from '../core/pricing/catalogueFile';
import type { CatalogueSource } from '../core/pricing/catalogueData';
import { bundledCatalogue, catalogueInUse } from '../core/pricing/catalogueInUse';
import type { ModelPrice, PriceTier } from '../core/pricing/modelPrice';
import { closeModelNames } from '../core/pricing/modelSuggestions';
import { PriceRefreshError, refreshPrices } from '../core/pricing/priceRefresh';
import { DEFAULT_PRICES_URL } from '../core/pricing/priceSource';
import { loadDefaultPriceTable } from '../core/pricing/priceTable';
import { catalogueLabel, catalogueStatusLine } from '../core/presentation/prices/catalogueLabel';
import { parseArgs, UsageError } from './args';
import { applyCachedCatalogue, CACHE_DIR_ENV, cliCacheDir, PRICES_SOURCE_ENV, type CliCachedCatalogue } from './cliCatalogue';
import type { CliIo } from './cliIo';
import { loadCliSettings } from './cliSettings';

export const PRICES_HELP = `Usage: prompt-cost prices <update|show|status|reset> [options]

  update [--from URL|FILE] [--json]
      Download LiteLLM's model_prices_and_context_window.json (or read FILE), check it and make it the
      catalogue every command prices with. Default source: $${PRICES_SOURCE_ENV}, else
      ${DEFAULT_PRICES_URL}
      HTTPS only (http only to localhost, 127.0.0.1, ::1), at most 20 MB. On any failure the catalogue in
      use stays as it was.
  show MODEL [--json] [--config FILE]
      The model's resolved id, provider and rates in USD per 1M tokens (input, output, cacheRead, cacheWrite,
      batchInput, batchOutput; "—" / null where the catalogue has none), with the catalogue and its date.
      Aliases and price overrides of .promptcost.yml apply, as in scan.
  status [--json]
      Which catalogue is in use (bundled or refreshed), its date and model count.
  reset
      Delete the refreshed copy: back to the bundled catalogue.

The refreshed copy is <cache>/prices.json; <cache> is $${CACHE_DIR_ENV}, else $XDG_CACHE_HOME/prompt-cost-lens,
else ~/.cache/prompt-cost-lens.
Prices: LiteLLM's model price list (MIT, Copyright (c) 2023 Berri AI).

Exit codes: 0 ok, 1 unknown model (show), 2 bad arguments, 3 the update failed (reason on stderr).
`;

const RATE_NAMES = ['input', 'output', 'cacheRead', 'cacheWrite', 'batchInput', 'batchOutput'] as const;

export async function pricesCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['from', 'config'], switches: ['json', 'help'] });
  const [action, ...rest] = args.positionals;
  if (args.switches.has('help') || action === undefined || action === 'help') {
    io.stdout(PRICES_HELP);
    return 0;
  }
  const allow = (...flags: string[]) => {
    for (const flag of [...args.values.keys(), ...args.switches]) if (!flags.includes(flag)) throw new UsageError(`prices ${action} does not take --${flag}`);
  };
  const cached = applyCachedCatalogue(io.env, io.cwd);
  switch (action) {
    case 'update':
      allow('from', 'json');
      if (rest.length) throw new UsageError(`prices update takes no positional arguments (use --from ${rest[0]})`);
      return update(io, args.values.get('from'), args.switches.has('json'));
    case 'show':
      allow('json', 'config');
      if (rest.length !== 1) throw new UsageError('prices show takes one model name, e.g. prompt-cost prices show gpt-4o');
      return show(io, rest[0], args.switches.has('json'), args.values.get('config'));
    case 'status':
      allow('json');
      if (rest.length) throw new UsageError('prices status takes no arguments');
      return status(io, cached, args.switches.has('json'));
    case 'reset':
      allow();
      if (rest.length) throw new UsageError('prices reset takes no arguments');
      return reset(io);
    default:
      throw new UsageError(`unknown prices action '${action}' (update, show, status or reset)`);
  }
}

async function update(io: CliIo, from: string | undefined, json: boolean): Promise<number> {
  const source = from ?? (io.env[PRICES_SOURCE_ENV]?.trim() || DEFAULT_PRICES_URL);
  const before = catalogueInUse();
  const cacheDir = cliCacheDir(io.env, io.cwd);
  if (!json) io.stderr(`reading ${source}\n`);
  try {
    const { catalogue, file } = await refreshPrices({ source, cacheDir, cwd: io.cwd });
    if (json) io.stdout(`${JSON.stringify({ updated: true, file, catalogue: describeCatalogue(catalogue.source, catalogue.modelCount) }, null, 2)}\n`);
    else io.stdout(`updated: ${catalogueStatusLine(catalogue.source, catalogue.modelCount)}\n  in ${file}\n  was ${catalogueStatusLine(before.source, before.modelCount)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof PriceRefreshError)) throw error;
    const kept = catalogueStatusLine(before.source, before.modelCount);
    if (json) io.stdout(`${JSON.stringify({ updated: false, stage: error.stage, error: error.message, catalogue: describeCatalogue(before.source, before.modelCount) }, null, 2)}\n`);
    io.stderr(`prompt-cost prices update: ${error.stage} failed: ${error.message}\nstill in use: ${kept}\n`);
    return 3;
  }
}

function show(io: CliIo, model: string, json: boolean, config: string | undefined): number {
  const { settings } = loadCliSettings(io.cwd, '.', config);
  const table = loadDefaultPriceTable({ overrides: settings.priceOverrides, aliases: settings.modelAliases });
  const { source, modelCount } = table.catalogueInfo();
  const price = table.resolve(model);
  if (!price) {
    const suggestions = closeModelNames(model, table.knownModels());
    if (json) io.stdout(`${JSON.stringify({ model, id: null, suggestions, source: describeCatalogue(source, modelCount) }, null, 2)}\n`);
    const close = suggestions.length ? ` Close matches: ${suggestions.join(', ')}.` : '';
    io.stderr(`prompt-cost prices: no price for '${model}' in ${catalogueLabel(source)}.${close}\n`);
    return 1;
  }
  if (json) io.stdout(`${JSON.stringify(priceJson(model, price, source, modelCount), null, 2)}\n`);
  else io.stdout(priceText(model, price, source));
  return 0;
}

function priceJson(model: string, price: ModelPrice, source: CatalogueSource, modelCount: number) {
  return {
    model,
    id: price.id,
    provider: price.provider,
    mode: price.mode,
    unit: 'USD per 1M tokens',
    rates: Object.fromEntries(RATE_NAMES.map((name) => [name, price[name] ?? null])),
    above: price.above ?? [],
    contextWindow: price.contextWindow ?? null,
    maxOutput: price.maxOutput ?? null,
    override: price.source === 'override',
    source: describeCatalogue(source, modelCount),
  };
}

function priceText(model: string, price: ModelPrice, source: CatalogueSource): string {
  const width = Math.max(...RATE_NAMES.map((n) => n.length));
  const lines = [`${model === price.id ? price.id : `${model} → ${price.id}`} · ${price.provider} · ${price.mode}${price.source === 'override' ? ' · with your price overrides' : ''}`];
  lines.push('USD per 1M tokens:');
  for (const name of RATE_NAMES) lines.push(`  ${name.padEnd(width)}  ${price[name] ?? '—'}`);
  for (const tier of price.above ?? []) lines.push(`  above ${tier.threshold.toLocaleString('en-US')} prompt tokens (every token): ${tierText(tier)}`);
  const limits = [price.contextWindow && `context window ${price.contextWindow.toLocaleString('en-US')}`, price.maxOutput && `max output ${price.maxOutput.toLocaleString('en-US')}`].filter(Boolean);
  if (limits.length) lines.push(limits.join(' · '));
  lines.push(`prices: ${catalogueLabel(source)}`);
  return `${lines.join('\n')}\n`;
}

function tierText(tier: PriceTier): string {
  return (['input', 'output', 'cacheRead', 'cacheWrite'] as const).filter((k) => tier[k] !== undefined).map((k) => `${k} ${tier[k]}`).join(', ');
}

function status(io: CliIo, cached: CliCachedCatalogue, json: boolean): number {
  const inUse = catalogueInUse();
  const bundled = bundledCatalogue();
  if (json) {
    io.stdout(`${JSON.stringify({
      inUse: describeCatalogue(inUse.source, inUse.modelCount),
      cacheFile: cached.file,
      cached: cached.state,
      ...(cached.state === 'invalid' || cached.state === 'superseded' ? { problem: cached.problem } : {}),
      bundled: describeCatalogue(bundled.source, bundled.modelCount),
    }, null, 2)}\n`);
    return 0;
  }
  const lines = [`prices: ${catalogueStatusLine(inUse.source, inUse.modelCount)}`];
  if (cached.state === 'valid') {
    lines.push(`  refreshed copy ${cached.file}${inUse.source.retrieved ? `, updated ${inUse.source.retrieved}` : ''}`);
    lines.push(`  bundled: ${catalogueStatusLine(bundled.source, bundled.modelCount)}`);
  } else if (cached.state === 'invalid') {
    lines.push(`  ${cached.file} ignored: ${cached.problem}`);
  } else if (cached.state === 'superseded') {
    lines.push(`  ${cached.file} not used: ${cached.problem} ('prompt-cost prices update' fetches newer data)`);
  } else {
    lines.push(`  no refreshed copy (${cached.file}); 'prompt-cost prices update' makes one`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function reset(io: CliIo): number {
  const removed = removeCatalogueFile(cliCacheDir(io.env, io.cwd));
  const bundled = bundledCatalogue();
  io.stdout(`${removed ? 'removed the refreshed copy; ' : 'no refreshed copy; '}prices: ${catalogueStatusLine(bundled.source, bundled.modelCount)}\n`);
  return 0;
}

function describeCatalogue(source: CatalogueSource, modelCount: number) {
  return { ...source, label: catalogueLabel(source), modelCount };
}
