/**
 * Spend API keys in VS Code's SecretStorage (the OS keychain), each stored with the origin it was entered
 * for. The core refuses to send a key to any other origin, so changing a base URL means entering the key
 * again. Keys never go to settings, the log or a message.
 */
import * as vscode from 'vscode';
import type { SpendKey } from '../../core/spend/spendTypes';

const PREFIX = 'promptCost.spend.key.';

export class SpendSecrets implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<string>();
  private readonly subscription: vscode.Disposable;

  /** Fires with the source id when its key is stored or deleted (also from another window). */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly storage: vscode.SecretStorage) {
    this.subscription = storage.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) this.emitter.fire(e.key.slice(PREFIX.length));
    });
  }

  /** The name under which a source's key is stored. */
  static storageKey(sourceId: string): string {
    return `${PREFIX}${sourceId}`;
  }

  async get(sourceId: string): Promise<SpendKey | undefined> {
    const raw = await this.storage.get(SpendSecrets.storageKey(sourceId));
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<SpendKey>;
      if (typeof parsed.secret === 'string' && typeof parsed.origin === 'string') return { secret: parsed.secret, origin: parsed.origin };
    } catch {
      // Unreadable entry: treated as no key (the user is asked again).
    }
    return undefined;
  }

  async store(sourceId: string, secret: string, origin: string): Promise<void> {
    await this.storage.store(SpendSecrets.storageKey(sourceId), JSON.stringify({ secret, origin } satisfies SpendKey));
  }

  async delete(sourceId: string): Promise<void> {
    await this.storage.delete(SpendSecrets.storageKey(sourceId));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
