/**
 * Provider counts on disk, by request key (sha256 of provider, model and body): `exact-counts.json` in the
 * extension's global storage or the CLI's cache folder. Only keys, counts, provider, model and the day
 * counted are stored — never a prompt. Entries expire after 30 days (a model alias may move to a new
 * tokenizer), the file keeps the 5,000 newest, and it is written atomically (a temp file, then a rename),
 * so a reader never sees half a file; an unreadable file is treated as empty.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { COUNT_PROVIDERS, isCount, type CountProvider } from './countProviders';

export const EXACT_COUNTS_FILE = 'exact-counts.json';
const FORMAT = 1;
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
export const MAX_ENTRIES = 5000;

export interface CachedCount {
  tokens: number;
  provider: CountProvider;
  model: string;
  /** When it was counted (epoch ms). */
  at: number;
}

export class ExactCountCache {
  private entries: Map<string, CachedCount> | null = null;
  private loading: Promise<Map<string, CachedCount>> | null = null;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  readonly file: string;

  constructor(dir: string, private readonly now: () => number = Date.now) {
    this.file = path.join(dir, EXACT_COUNTS_FILE);
  }

  async get(key: string): Promise<CachedCount | undefined> {
    const entries = await this.load();
    const hit = entries.get(key);
    if (hit && this.now() - hit.at > MAX_AGE_MS) {
      entries.delete(key);
      this.dirty = true;
      return undefined;
    }
    return hit;
  }

  async set(key: string, count: CachedCount): Promise<void> {
    const entries = await this.load();
    entries.delete(key); // re-inserted last: the newest are kept when the file is trimmed
    entries.set(key, count);
    this.dirty = true;
  }

  /** Writes the entries if any changed since the last write; one write at a time. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write()).catch(() => undefined);
    return this.writing;
  }

  /** Forgets every count (memory and disk). */
  async clear(): Promise<void> {
    this.entries = new Map();
    this.dirty = false;
    await this.writing;
    await fsp.rm(this.file, { force: true });
  }

  private load(): Promise<Map<string, CachedCount>> {
    if (this.entries) return Promise.resolve(this.entries);
    this.loading ??= readEntries(this.file).then((entries) => (this.entries = entries));
    return this.loading;
  }

  private async write(): Promise<void> {
    if (!this.dirty || !this.entries) return;
    this.dirty = false;
    const fresh = [...this.entries].filter(([, c]) => this.now() - c.at <= MAX_AGE_MS).slice(-MAX_ENTRIES);
    const text = JSON.stringify({ format: FORMAT, entries: Object.fromEntries(fresh) });
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${Date.now().toString(36)}.tmp`;
    try {
      await fsp.writeFile(temp, text);
      await fsp.rename(temp, this.file);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
  }
}

async function readEntries(file: string): Promise<Map<string, CachedCount>> {
  const entries = new Map<string, CachedCount>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch {
    return entries; // none yet, or unreadable: counted again
  }
  const stored = (parsed as { format?: unknown; entries?: unknown } | null);
  if (stored?.format !== FORMAT || typeof stored.entries !== 'object' || stored.entries === null) return entries;
  for (const [key, value] of Object.entries(stored.entries as Record<string, Partial<CachedCount>>)) {
    if (/^[0-9a-f]{64}$/.test(key) && isCount(value?.tokens) && COUNT_PROVIDERS.includes(value.provider as CountProvider) && typeof value.model === 'string' && typeof value.at === 'number') {
      entries.set(key, { tokens: value.tokens, provider: value.provider as CountProvider, model: value.model, at: value.at });
    }
  }
  return entries;
}
