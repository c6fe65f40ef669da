import type { CatalogueData, CatalogueSource } from './catalogueData';
import { catalogueInUse } from './catalogueInUse';
import type { CatalogueEntry, ModelPrice, PriceFields, PriceTier } from './modelPrice';
import { AGGREGATOR_HINTS, alternateVersionSpelling, parseModelName, providerMatchesHint, releaseDate, undatedName } from './modelName';

export interface PriceTableOptions {
  /**
   * Per-model prices in USD per 1M tokens. They win over the catalogue field by field, and an override
   * with both `input` and `output` adds a model the catalogue lacks. Matched (case-insensitively) against
   * the model name after aliasing, that name without routing prefixes, or the resolved catalogue id.
   */
  overrides?: Record<string, Partial<PriceFields>>;
  /** Extra names, e.g. an Azure deployment name → the model it runs (`"prod-chat": "gpt-4o"`). */
  aliases?: Record<string, string>;
}

/** Where a table's prices come from: the catalogue's source and size. */
export interface CatalogueInfo {
  source: CatalogueSource;
  modelCount: number;
}

/**
 * Which provider's entry wins when several carry the same model: the model's own vendor first, then the
 * clouds that resell it, then aggregators. Providers not listed rank last.
 */
const PROVIDER_PREFERENCE = [
  'openai', 'anthropic', 'gemini', 'vertex_ai-language-models', 'vertex_ai', 'mistral', 'codestral', 'deepseek',
  'xai', 'cohere_chat', 'cohere', 'text-completion-openai', 'dashscope', 'moonshot', 'zai', 'minimax', 'perplexity',
  'azure', 'azure_text', 'vertex_ai-anthropic_models', 'vertex_ai-mistral_models', 'vertex_ai-embedding-models',
  'bedrock_converse', 'bedrock', 'azure_ai', 'groq', 'cerebras', 'together_ai', 'openrouter',
];
const providerRank = (provider: string): number => {
  const rank = PROVIDER_PREFERENCE.indexOf(provider);
  return rank < 0 ? PROVIDER_PREFERENCE.length : rank;
};

const MAX_ALIAS_HOPS = 8;

interface Candidate {
  id: string;
  entry: CatalogueEntry;
  /**
   * 0 the bare name, 1 without `-latest`/date, 2 a dated release of the undated name;
   * 3–5 the same for the other version spelling (`4.5` ↔ `4-5`).
   */
  step: number;
  /** `YYYYMMDD` of a dated candidate (newer wins among step-2 candidates). */
  date: string;
}

export class PriceTable {
  private readonly models: Readonly<Record<string, CatalogueEntry>>;
  private readonly info: CatalogueInfo;
  private readonly idsByLowerCase = new Map<string, string>();
  /** Normalised bare name → catalogue ids. */
  private readonly idsByBareName = new Map<string, string[]>();
  /** Undated bare name → bare names of its dated releases. */
  private readonly datedNames = new Map<string, string[]>();
  private readonly aliases = new Map<string, string>();
  private readonly overrides = new Map<string, { key: string; fields: Partial<PriceFields> }>();
  private readonly cache = new Map<string, ModelPrice | undefined>();

  constructor(data: CatalogueData, options: PriceTableOptions = {}) {
    this.models = data.models;
    this.info = { source: data.source, modelCount: Object.keys(data.models).length };

    for (const id of Object.keys(data.models).sort()) {
      const lower = id.toLowerCase();
      if (!this.idsByLowerCase.has(lower)) this.idsByLowerCase.set(lower, id);
      const { bare } = parseModelName(id);
      pushTo(this.idsByBareName, bare, id);
      const undated = undatedName(bare);
      if (releaseDate(bare) !== undefined && !(this.datedNames.get(undated) ?? []).includes(bare)) {
        pushTo(this.datedNames, undated, bare);
      }
    }
    for (const [name, target] of Object.entries(options.aliases ?? {})) {
      this.aliases.set(name.trim().toLowerCase(), target);
    }
    // `azure/prod-chat` also matches a bare `prod-chat` (AzureOpenAI clients pass the deployment name alone).
    for (const [name, target] of Object.entries(options.aliases ?? {})) {
      const bare = parseModelName(name).bare;
      if (!this.aliases.has(bare)) this.aliases.set(bare, target);
    }
    for (const [key, fields] of Object.entries(options.overrides ?? {})) {
      validateOverride(key, fields);
      this.overrides.set(key.trim().toLowerCase(), { key, fields });
    }
  }

  /** The price of a model as written in code or config; undefined when unknown (show "no price", never $0). */
  resolve(model: string): ModelPrice | undefined {
    if (this.cache.has(model)) return this.cache.get(model);
    const price = this.resolveUncached(model);
    this.cache.set(model, price);
    return price;
  }

  catalogueInfo(): CatalogueInfo {
    return { source: { ...this.info.source }, modelCount: this.info.modelCount };
  }

  /** Catalogue ids plus override-only models, sorted. */
  knownModels(): string[] {
    const ids = new Set(Object.keys(this.models));
    for (const { key, fields } of this.overrides.values()) {
      if (this.idsByLowerCase.has(key.trim().toLowerCase())) continue;
      if (fields.input !== undefined && fields.output !== undefined) ids.add(key);
    }
    return [...ids].sort();
  }

  private resolveUncached(model: string): ModelPrice | undefined {
    const name = this.applyAliases(model);
    const id = this.findCatalogueId(name);
    const override =
      this.findOverride(name) ??
      this.findOverride(parseModelName(name).bare) ??
      (id === undefined ? undefined : this.findOverride(id));
    if (id !== undefined) {
      const entry = this.models[id];
      if (!override) return { ...entry, id, source: 'catalogue' };
      return { ...entry, ...override.fields, id, source: 'override' };
    }
    if (override && override.fields.input !== undefined && override.fields.output !== undefined) {
      return {
        provider: 'custom',
        mode: 'chat',
        ...override.fields,
        input: override.fields.input,
        output: override.fields.output,
        id: override.key,
        source: 'override',
      };
    }
    return undefined;
  }

  private applyAliases(model: string): string {
    let name = model.trim();
    for (let hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
      const target = this.aliases.get(name.toLowerCase()) ?? this.aliases.get(parseModelName(name).bare);
      if (target === undefined || target.trim().toLowerCase() === name.toLowerCase()) break;
      name = target.trim();
    }
    return name;
  }

  private findOverride(name: string): { key: string; fields: Partial<PriceFields> } | undefined {
    return this.overrides.get(name.trim().toLowerCase());
  }

  private findCatalogueId(name: string): string | undefined {
    if (Object.prototype.hasOwnProperty.call(this.models, name)) return name;
    const exact = this.idsByLowerCase.get(name.toLowerCase());
    if (exact !== undefined) return exact;

    const { bare, hints } = parseModelName(name);
    const found = this.bestCandidate(bare, hints);
    if (found !== undefined || !hints.some((h) => AGGREGATOR_HINTS.has(h)) || !bare.includes('/')) return found;
    // `openrouter/nousresearch/x`, `litellm/my-vendor/x`: the vendor is not one we know; try the model alone.
    return this.bestCandidate(bare.slice(bare.lastIndexOf('/') + 1), hints);
  }

  private bestCandidate(bare: string, hints: string[]): string | undefined {
    const candidates: Candidate[] = [];
    const add = (names: readonly string[], step: number) => {
      for (const candidateName of names) {
        for (const id of this.idsByBareName.get(candidateName) ?? []) {
          candidates.push({ id, entry: this.models[id], step, date: releaseDate(candidateName) ?? '' });
        }
      }
    };
    const addSpelling = (spelling: string, firstStep: number) => {
      add([spelling], firstStep);
      const undated = undatedName(spelling);
      if (undated !== spelling) add([undated], firstStep + 1);
      add(this.datedNames.get(undated) ?? [], firstStep + 2);
    };
    addSpelling(bare, 0);
    // `claude-sonnet-4.5` (OpenRouter style) vs `claude-sonnet-4-5`: a lower step, so it only decides
    // when it finds a more preferred provider.
    const alternate = alternateVersionSpelling(bare);
    if (alternate !== undefined) addSpelling(alternate, 3);
    if (candidates.length === 0) return undefined;

    const hintScore = (provider: string) => {
      const index = hints.findIndex((hint) => providerMatchesHint(provider, hint));
      return index < 0 ? hints.length : index;
    };
    candidates.sort(
      (a, b) =>
        hintScore(a.entry.provider) - hintScore(b.entry.provider) ||
        providerRank(a.entry.provider) - providerRank(b.entry.provider) ||
        a.step - b.step ||
        b.date.localeCompare(a.date) ||
        // Shortest key: `azure/gpt-5.4` (global) before `azure/eu/gpt-5.4` (regional uplift).
        a.id.length - b.id.length ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return candidates[0].id;
  }
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const RATE_FIELDS = ['input', 'output', 'cacheRead', 'cacheWrite', 'batchInput', 'batchOutput'] as const;
const COUNT_FIELDS = ['contextWindow', 'maxOutput'] as const;

/** Bad settings must fail loudly rather than price calls at NaN or a negative amount. */
function validateOverride(model: string, fields: Partial<PriceFields>): void {
  const fail = (what: string) => {
    throw new RangeError(`price override for "${model}": ${what}`);
  };
  if (fields === null || typeof fields !== 'object') fail('must be an object');
  for (const field of RATE_FIELDS) {
    const value = fields[field];
    if (value !== undefined && !isRate(value)) fail(`${field} must be a number ≥ 0 (USD per 1M tokens)`);
  }
  for (const field of COUNT_FIELDS) {
    const value = fields[field];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) fail(`${field} must be a positive integer`);
  }
  if (fields.above !== undefined) {
    if (!Array.isArray(fields.above)) fail('above must be an array');
    fields.above.forEach((tier: PriceTier, i) => {
      if (!(Number.isInteger(tier?.threshold) && tier.threshold > 0)) fail(`above[${i}].threshold must be a positive integer`);
      for (const field of ['input', 'output', 'cacheRead', 'cacheWrite'] as const) {
        const value = tier[field];
        const required = field === 'input' || field === 'output';
        if ((required || value !== undefined) && !isRate(value)) fail(`above[${i}].${field} must be a number ≥ 0`);
      }
    });
  }
}

function isRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * The catalogue in use on this thread (the bundled LiteLLM data, see THIRD_PARTY_NOTICES.md, or the user's
 * refreshed copy: `catalogueInUse.ts`) with the user's options.
 */
export function loadDefaultPriceTable(options: PriceTableOptions = {}): PriceTable {
  return new PriceTable(catalogueInUse(), options);
}
