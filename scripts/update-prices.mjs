#!/usr/bin/env node
// Builds src/core/pricing/catalogue.json (the bundled catalogue) from LiteLLM's
// model_prices_and_context_window.json.
//
//   npm run prices:update -- [file-or-URL] [--out FILE] [--source-commit SHA] [--source-date YYYY-MM-DD]
//                            [--generated YYYY-MM-DD]
//
// The conversion is src/core/pricing/litellmCatalogue.ts, the same code the in-product refresh runs
// (`prompt-cost prices update`, Update Prices in the editor), bundled here on the fly with esbuild, so the
// bundled catalogue and a refreshed one cannot disagree. The output is deterministic: same input + same
// flags → same bytes (keys sorted, one model per line so price updates diff cleanly).
//
// The catalogue states the data's own date. For the copies in ../shared/reference/pricing it is known
// (PROVENANCE.md there); for anything else pass --source-date, or give a URL (its Last-Modified is used).
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_INPUT = resolve(repoRoot, '../shared/reference/pricing/litellm-model-prices-2026-07-24.json');
const DEFAULT_OUT = resolve(repoRoot, 'src/core/pricing/catalogue.json');

/**
 * Provenance of the copies we know (../shared/reference/pricing/PROVENANCE.md). The copy named
 * `…-2026-04.json` is left out on purpose: its name is wrong about its age (its data is of about
 * 2026-07-18 to 07-22), so it must not be stamped from its name.
 */
const KNOWN_SOURCES = {
  'litellm-model-prices-2026-07-24.json': {
    // LiteLLM's file byte for byte, as synced by the public daily mirror RoCry/llm-api-price.
    location: 'https://github.com/RoCry/llm-api-price',
    commit: '8442b939a6ead479f7995b5d74d8dce488bd0966',
    date: '2026-07-24',
  },
  'litellm-model-prices-2026-01-25.json': {
    location: 'https://github.com/BerriAI/litellm',
    commit: '667b9122e089a1972304540df6fd19f342b0e82a',
    date: '2026-01-25',
  },
};

function parseArgs(argv) {
  const options = { input: undefined, out: DEFAULT_OUT, commit: undefined, date: undefined, generated: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--out') options.out = resolve(value());
    else if (arg === '--source-commit') options.commit = value();
    else if (arg === '--source-date') options.date = value();
    else if (arg === '--generated') options.generated = value();
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (options.input === undefined) options.input = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  for (const [flag, date] of [['--source-date', options.date], ['--generated', options.generated]]) {
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${flag} must be YYYY-MM-DD, got ${date}`);
  }
  return options;
}

const isUrl = (s) => /^https?:\/\//i.test(s);

/** The converter and downloader, compiled from TypeScript for this run only. */
async function loadPricing() {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const result = await esbuild.build({
    stdin: {
      contents: "export * from './src/core/pricing/litellmCatalogue'; export * from './src/core/pricing/priceDownload';",
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/** The input's bytes and what is known of its date. */
async function readSource(input, pricing) {
  if (!isUrl(input)) return { bytes: await readFile(input), lastModified: null };
  const downloaded = await pricing.downloadPriceFile(new URL(input));
  return { bytes: downloaded.bytes, lastModified: downloaded.lastModified };
}

function sourceFor(input, bytes, lastModified, options, pricing) {
  const known = isUrl(input) ? undefined : KNOWN_SOURCES[basename(input)];
  const commitInUrl = isUrl(input) ? /\b[0-9a-f]{40}\b/i.exec(input)?.[0] : undefined;
  const commit = options.commit ?? known?.commit ?? commitInUrl;
  let date = options.date ?? known?.date;
  let dateKind = 'published';
  if (date === undefined && lastModified) {
    date = lastModified.toISOString().slice(0, 10);
    dateKind = 'last-modified';
  }
  if (date === undefined) {
    throw new Error(`the date of ${basename(input)}'s data is unknown: pass --source-date YYYY-MM-DD (the data's own date, not the day you copied it)`);
  }
  return {
    ...pricing.LITELLM_SOURCE,
    kind: 'bundled',
    location: known?.location ?? (isUrl(input) ? input : pricing.LITELLM_SOURCE.url),
    ...(commit ? { commit } : {}),
    date,
    dateKind,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('usage: update-prices.mjs [file-or-URL] [--out FILE] [--source-commit SHA] [--source-date YYYY-MM-DD] [--generated YYYY-MM-DD]');
    return;
  }
  const input = options.input === undefined ? DEFAULT_INPUT : isUrl(options.input) ? options.input : resolve(options.input);
  const pricing = await loadPricing();
  const { bytes, lastModified } = await readSource(input, pricing);
  const source = sourceFor(input, bytes, lastModified, options, pricing);
  const generated = options.generated ?? new Date().toISOString().slice(0, 10);
  const { catalogue, skipped } = pricing.convertLiteLlmPrices(JSON.parse(bytes.toString('utf8')), source, generated);

  const text = pricing.serialiseCatalogue(catalogue);
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, text);
  const skippedText = Object.entries(skipped).map(([why, n]) => `${n} ${why}`).join(', ');
  console.log(`${options.out}: ${catalogue.modelCount} models, data of ${source.date}, ${text.length} bytes (skipped: ${skippedText})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`update-prices: ${error.message}`);
    process.exit(1);
  });
}
