/**
 * Exact-count API keys in VS Code's SecretStorage (the OS keychain), each stored with the origin it was
 * entered for, as the spend keys are (src/vscode/spend/spendSecrets.ts): the client refuses to send a key
 * to any other origin, so changing a base URL means entering the key again. Keys never go to settings, the
 * log or a message. The keys are read once and kept in memory, so a document's analysis never waits on the
 * keychain.
 */
import * as vscode from 'vscode';
import { COUNT_PROVIDERS, type CountProvider } from '../../core/exactCounts/countProviders';
import type { SpendKey } from '../../core/spend/spendTypes';

const PREFIX = 'promptCost.exactCounts.key.';

export class ExactCountSecrets implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CountProvider>();
  private readonly subscription: vscode.Disposable;
  private readonly loaded = new Map<CountProvider, SpendKey | undefined>();
  /** Resolves once every provider's key was read. */
  readonly ready: Promise<void>;

  /** Fires with the provider when its key is stored or deleted (also from another window). */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly storage: vscode.SecretStorage) {
    this.subscription = storage.onDidChange((e) => {
      const provider = COUNT_PROVIDERS.find((p) => e.key === PREFIX + p);
      if (provider) void this.reload(provider).then(() => this.emitter.fire(provider));
    });
    this.ready = Promise.all(COUNT_PROVIDERS.map((p) => this.reload(p))).then(() => undefined);
  }

  /** The key as last read (undefined before `ready`, or when none is stored). */
  current(provider: CountProvider): SpendKey | undefined {
    return this.loaded.get(provider);
  }

  async store(provider: CountProvider, secret: string, origin: string): Promise<void> {
    await this.storage.store(PREFIX + provider, JSON.stringify({ secret, origin } satisfies SpendKey));
    this.loaded.set(provider, { secret, origin });
  }

  async delete(provider: CountProvider): Promise<void> {
    await this.storage.delete(PREFIX + provider);
    this.loaded.set(provider, undefined);
  }

  private async reload(provider: CountProvider): Promise<void> {
    const raw = await this.storage.get(PREFIX + provider);
    let key: SpendKey | undefined;
    try {
      const parsed = raw ? (JSON.parse(raw) as Partial<SpendKey>) : undefined;
      if (typeof parsed?.secret === 'string' && typeof parsed.origin === 'string') key = { secret: parsed.secret, origin: parsed.origin };
    } catch {
      // Unreadable entry: treated as no key (the user is asked again).
    }
    this.loaded.set(provider, key);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
