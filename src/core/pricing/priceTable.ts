import type { CatalogueData, CatalogueSource } from './catalogueData';
import { catalogueInUse } from './catalogueInUse';
import type { CatalogueEntry, ModelPrice, PriceFields, PriceTier } from './modelPrice';
import { AGGREGATOR_HINTS, alternateVersionSpelling, parseModelName, providerMatchesHint, releaseDate, undatedName, type ParsedModelName } from './modelName';
import { providerAlias, VENDOR_PROVIDERS, vendorOfName, type AliasVendor } from './providerAliases';

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
 * clouds that resell it, then aggregators. Providers not listed rank last. Bedrock comes before Vertex for
 * Claude: a model Anthropic no longer prices (Claude Haiku 3.5) then gets Bedrock's in-region rate, which
 * equals Anthropic's list price for every Claude model both price (`priceTable.test.ts` checks it); LiteLLM's
 * Vertex entry for Haiku 3.5 is $1/$5 against Anthropic's $0.80/$4.
 */
const PROVIDER_PREFERENCE = [
  'openai', 'anthropic', 'gemini', 'vertex_ai-language-models', 'vertex_ai', 'mistral', 'codestral', 'deepseek',
  'xai', 'cohere_chat', 'cohere', 'text-completion-openai', 'dashscope', 'moonshot', 'zai', 'minimax', 'perplexity',
  'azure', 'azure_text', 'bedrock_converse', 'bedrock', 'vertex_ai-anthropic_models', 'vertex_ai-mistral_models',
  'vertex_ai-embedding-models', 'azure_ai', 'groq', 'cerebras', 'together_ai', 'openrouter',
];
const providerRank = (provider: string): number => {
  const rank = PROVIDER_PREFERENCE.indexOf(provider);
  return rank < 0 ? PROVIDER_PREFERENCE.length : rank;
};

/**
 * A name that says no region gets the provider's default deployment: Azure's is Global Standard (its own
 * rates, e.g. gpt-4o-mini $0.15/$0.60 against $0.165/$0.66 regional); Bedrock's is the in-region model id.
 */
const DEFAULT_REGION: Readonly<Record<string, string>> = { azure: 'global' };

/**
 * LiteLLM keys that name no provider yet belong to a reseller or a non-default deployment, so an exact match
 * must not end the search: bare `gemini-2.5-pro` is Vertex's entry (the Gemini API's is `gemini/…`), bare
 * `azure/gpt-4o-mini` is Azure's regional rate.
 */
function defersExactKey(id: string, entry: CatalogueEntry): boolean {
  if (entry.provider === 'vertex_ai-language-models' && !id.includes('/')) return true;
  return entry.provider in DEFAULT_REGION && parseModelName(id).region === undefined;
}

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

/** A catalogue id and, when it is not the name's own entry, how it was reached. */
interface Found {
  id: string;
  via?: string;
}

export class PriceTable {
  private readonly models: Readonly<Record<string, CatalogueEntry>>;
  private readonly info: CatalogueInfo;
  private readonly idsByLowerCase = new Map<string, string>();
  /** Normalised bare name → catalogue ids. */
  private readonly idsByBareName = new Map<string, string[]>();
  /** Undated bare name → bare names of its dated releases. */
  private readonly datedNames = new Map<string, string[]>();
  /** Catalogue id → the deployment region its key names (`us.anthropic.…`, `azure/eu/…`). */
  private readonly regions = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  private readonly overrides = new Map<string, { key: string; fields: Partial<PriceFields> }>();
  private readonly cache = new Map<string, ModelPrice | undefined>();

  constructor(data: CatalogueData, options: PriceTableOptions = {}) {
    this.models = data.models;
    this.info = { source: data.source, modelCount: Object.keys(data.models).length };

    for (const id of Object.keys(data.models).sort()) {
      const lower = id.toLowerCase();
      if (!this.idsByLowerCase.has(lower)) this.idsByLowerCase.set(lower, id);
      const { bare, region } = parseModelName(id);
      pushTo(this.idsByBareName, bare, id);
      if (region !== undefined) this.regions.set(id, region);
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
    const found = this.findCatalogueId(name);
    const id = found?.id;
    const override =
      this.findOverride(name) ??
      this.findOverride(parseModelName(name).bare) ??
      (id === undefined ? undefined : this.findOverride(id));
    if (id !== undefined) {
      const entry = this.models[id];
      const via = found?.via === undefined ? {} : { resolvedVia: found.via };
      if (!override) return { ...entry, id, source: 'catalogue', ...via };
      return { ...entry, ...override.fields, id, source: 'override', ...via };
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

  private findCatalogueId(name: string): Found | undefined {
    const exact = Object.prototype.hasOwnProperty.call(this.models, name) ? name : this.idsByLowerCase.get(name.toLowerCase());
    if (exact !== undefined && !defersExactKey(exact, this.models[exact])) return { id: exact };

    const parsed = parseModelName(name);
    const own = this.candidateFor(parsed.bare, parsed);
    const notes: string[] = [];
    let id = own;
    const alias = providerAlias(parsed.bare);
    if (alias) {
      // The alias's target, else the nearest step of its chain the catalogue has.
      const steps = alias.chain.map((step) => this.candidateFor(step, parsed));
      let index = steps.length - 1;
      while (index >= 0 && steps[index] === undefined) index--;
      const target = index < 0 ? undefined : steps[index];
      if (target !== undefined && target !== own && (own === undefined || this.aliasWins(own, target, parsed, alias.vendor))) {
        id = target;
        notes.push(`${[parsed.bare, ...alias.chain.slice(0, index + 1)].join(' → ')} (${alias.vendor}'s alias)`);
      }
    }
    if (id === undefined) return undefined;
    const vendor = alias?.vendor ?? vendorOfName(parsed.bare);
    const provider = this.models[id].provider;
    const named = parsed.hints.some((hint) => providerMatchesHint(provider, hint));
    if (vendor !== undefined && !VENDOR_PROVIDERS[vendor].includes(provider) && !named) notes.push(`no ${vendor} price: ${provider}'s rate`);
    return notes.length ? { id, via: notes.join('; ') } : { id };
  }

  /**
   * The provider's alias wins when the name's own entry is a less preferred provider's (a reseller's), or when
   * the vendor's own entry for the alias is priced unlike what it points at (LiteLLM's `codestral-latest` still
   * has Codestral 2405's rates).
   */
  private aliasWins(own: string, target: string, parsed: ParsedModelName, vendor: AliasVendor): boolean {
    if (this.rank(target, parsed) < this.rank(own, parsed)) return true;
    const [a, b] = [this.models[own], this.models[target]];
    return VENDOR_PROVIDERS[vendor].includes(a.provider) && a.provider === b.provider && !sameRates(a, b);
  }

  /** The best catalogue id for a bare name, with the routing hints and region of the name as written. */
  private candidateFor(bare: string, parsed: ParsedModelName): string | undefined {
    const found = this.bestCandidate(bare, parsed);
    if (found !== undefined || !parsed.hints.some((h) => AGGREGATOR_HINTS.has(h)) || !bare.includes('/')) return found;
    // `openrouter/nousresearch/x`, `litellm/my-vendor/x`: the vendor is not one we know; try the model alone.
    return this.bestCandidate(bare.slice(bare.lastIndexOf('/') + 1), parsed);
  }

  /** Sort key of a provider for a name: the hints it matches first, then the vendor-first preference. */
  private rank(id: string, parsed: ParsedModelName): number {
    const provider = this.models[id].provider;
    const index = parsed.hints.findIndex((hint) => providerMatchesHint(provider, hint));
    return (index < 0 ? parsed.hints.length : index) * 1000 + providerRank(provider);
  }

  private bestCandidate(bare: string, parsed: ParsedModelName): string | undefined {
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

    // The region the name asks for (`us.` on Bedrock, `azure/eu/`), else the provider's default deployment.
    const regionScore = (id: string, provider: string) => {
      const region = this.regions.get(id);
      const wanted = parsed.region ?? DEFAULT_REGION[provider];
      return region === wanted ? 0 : region === undefined ? 1 : 2;
    };
    // A region the name asks for outranks the spelling (`azure/us/gpt-4o-mini` → the US dated entry); the default
    // region only breaks ties between spellings.
    const explicit = parsed.region !== undefined;
    candidates.sort(
      (a, b) =>
        this.rank(a.id, parsed) - this.rank(b.id, parsed) ||
        (explicit ? regionScore(a.id, a.entry.provider) - regionScore(b.id, b.entry.provider) : 0) ||
        a.step - b.step ||
        regionScore(a.id, a.entry.provider) - regionScore(b.id, b.entry.provider) ||
        b.date.localeCompare(a.date) ||
        a.id.length - b.id.length ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return candidates[0].id;
  }
}

/** Two entries bill a plain request alike. */
function sameRates(a: CatalogueEntry, b: CatalogueEntry): boolean {
  return a.input === b.input && a.output === b.output && a.cacheRead === b.cacheRead;
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
