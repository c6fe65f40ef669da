/**
 * What the providers say their model names point at, as data with the page each table was read from.
 * `priceTable.ts` uses them when a name has no first-party price of its own (`claude-sonnet-4-0`,
 * `claude-3-5-haiku-latest`, `mistral-large`), or when the catalogue's entry for an alias is priced
 * differently from what the alias points at today (LiteLLM's `codestral-latest` still has Codestral 2405's
 * rates). Names are bare: lower case, without routing prefixes (`modelName.ts`).
 */

/** The model makers whose names we resolve by their own rules. */
export type AliasVendor = 'anthropic' | 'openai' | 'mistral' | 'google';

export interface AliasTable {
  /** Who defines these names. */
  vendor: AliasVendor;
  /** The provider's page the table was read from, and when. */
  source: string;
  read: string;
  /** Alias → the model id it points at. */
  aliases: Readonly<Record<string, string>>;
}

export const PROVIDER_ALIASES: readonly AliasTable[] = [
  {
    vendor: 'anthropic',
    // "Model IDs and versioning" and the models overview: before the 4.6 generation, an alias without a date
    // (claude-sonnet-4-5, and -0 for the first minor version) points to the newest dated snapshot of that minor
    // version; `-latest` aliases named the Claude 3.x snapshots. From 4.6 on, the dateless id is the model.
    source: 'https://platform.claude.com/docs/en/about-claude/models/model-ids-and-versions (and models/overview)',
    read: '2026-12-08',
    aliases: {
      'claude-opus-4-0': 'claude-opus-4-20250514',
      'claude-sonnet-4-0': 'claude-sonnet-4-20250514',
      'claude-opus-4-1': 'claude-opus-4-1-20250805',
      'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
      'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
      'claude-opus-4-5': 'claude-opus-4-5-20251101',
      'claude-3-7-sonnet-latest': 'claude-3-7-sonnet-20250219',
      'claude-3-5-sonnet-latest': 'claude-3-5-sonnet-20241022',
      'claude-3-5-haiku-latest': 'claude-3-5-haiku-20241022',
      'claude-3-opus-latest': 'claude-3-opus-20240229',
    },
  },
  {
    vendor: 'openai',
    // Each model page's "Snapshots": the undated id points to this snapshot (billed at the same rates).
    source: 'https://platform.openai.com/docs/models (each model page, Snapshots)',
    read: '2026-12-08',
    aliases: {
      'gpt-4o': 'gpt-4o-2024-08-06',
      'gpt-4o-mini': 'gpt-4o-mini-2024-07-18',
      'gpt-4.1': 'gpt-4.1-2025-04-14',
      'gpt-4.1-mini': 'gpt-4.1-mini-2025-04-14',
      'gpt-4.1-nano': 'gpt-4.1-nano-2025-04-14',
      'gpt-4-turbo': 'gpt-4-turbo-2024-04-09',
      'gpt-3.5-turbo': 'gpt-3.5-turbo-0125',
      o1: 'o1-2024-12-17',
      'o3-mini': 'o3-mini-2025-01-31',
      o3: 'o3-2025-04-16',
      'o4-mini': 'o4-mini-2025-04-16',
      'gpt-5': 'gpt-5-2025-08-07',
      'gpt-5-mini': 'gpt-5-mini-2025-08-07',
      'gpt-5-nano': 'gpt-5-nano-2025-08-07',
      'gpt-5.1': 'gpt-5.1-2025-11-13',
      'gpt-5.2': 'gpt-5.2-2025-12-11',
      'gpt-5.4': 'gpt-5.4-2026-03-05',
      'gpt-5.4-mini': 'gpt-5.4-mini-2026-03-17',
      'gpt-5.4-nano': 'gpt-5.4-nano-2026-03-17',
      'gpt-5.5': 'gpt-5.5-2026-04-23',
    },
  },
  {
    vendor: 'mistral',
    // Models overview: each family's API endpoint is `<family>-latest`, which points at the newest version
    // (Mistral Large 3 = mistral-large-2512, Codestral 2508 = codestral-2508, Pixtral Large = pixtral-large-2411).
    // A bare family name is not an endpoint; people write it for the family's current model.
    source: 'https://docs.mistral.ai/getting-started/models/',
    read: '2026-12-08',
    aliases: {
      'mistral-large': 'mistral-large-latest',
      'mistral-large-latest': 'mistral-large-2512',
      codestral: 'codestral-latest',
      'codestral-latest': 'codestral-2508',
      'pixtral-large': 'pixtral-large-latest',
      'pixtral-large-latest': 'pixtral-large-2411',
    },
  },
];

const ALIASES = new Map<string, { target: string; vendor: AliasVendor }>(
  PROVIDER_ALIASES.flatMap((table) => Object.entries(table.aliases).map(([alias, target]) => [alias, { target, vendor: table.vendor }] as const)),
);

/** LiteLLM providers that are each vendor's own API (Google's: the Gemini API and Vertex AI). */
export const VENDOR_PROVIDERS: Readonly<Record<AliasVendor, readonly string[]>> = {
  anthropic: ['anthropic'],
  openai: ['openai', 'text-completion-openai'],
  mistral: ['mistral', 'codestral'],
  google: ['gemini', 'vertex_ai-language-models', 'vertex_ai-embedding-models'],
};

/** Who makes a model, by its bare name; undefined for makers we have no rules for. */
export function vendorOfName(bare: string): AliasVendor | undefined {
  if (/^claude-/.test(bare)) return 'anthropic';
  if (/^(?:gpt-|chatgpt-|o\d(?:-|$)|text-embedding-|ft:gpt-)/.test(bare)) return 'openai';
  if (/^gemini-/.test(bare)) return 'google';
  if (/^(?:mistral-|codestral|pixtral-|ministral-|magistral-|devstral-|open-mi[sx]tral)/.test(bare)) return 'mistral';
  return undefined;
}

/** What a bare name points at, following chains (`mistral-large` → `mistral-large-latest` → `mistral-large-2512`). */
export function providerAlias(bare: string): { target: string; vendor: AliasVendor; chain: string[] } | undefined {
  const chain: string[] = [];
  let name = bare;
  let vendor: AliasVendor | undefined;
  for (let hop = ALIASES.get(name); hop && chain.length < 4; hop = ALIASES.get(name)) {
    name = hop.target;
    vendor = hop.vendor;
    chain.push(name);
  }
  return vendor === undefined ? undefined : { target: name, vendor, chain };
}
