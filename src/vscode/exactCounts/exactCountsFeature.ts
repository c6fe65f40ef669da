/**
 * Exact counts from the provider in the editor, wired from their parts: the settings (user-only, never in
 * Restricted Mode), the keys in SecretStorage, the Set/Clear key commands, and the service that fetches
 * counts after an analysis and has the document analysed again with them.
 */
import * as vscode from 'vscode';
import { createHash } from 'crypto';
import type { CountProvider } from '../../core/exactCounts/countProviders';
import { registerCommands } from '../commands/registerCommand';
import type { Configuration } from '../configuration';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import type { Log } from '../log';
import { EXACT_COUNT_KEY_COMMANDS } from './exactCountKeyCommands';
import { ExactCountSecrets } from './exactCountSecrets';
import { ExactCountService, type ExactCountStatus } from './exactCountService';
import { EXACT_COUNT_KEYS } from './exactCountSettings';

export interface ExactCountsApi {
  status(): ExactCountStatus;
  /** The stored key's origin and the first 12 hex digits of its sha256 (never the key). */
  storedKey(provider: CountProvider): { origin: string; sha256: string } | undefined;
}

export interface ExactCountsServices {
  extension: Pick<vscode.ExtensionContext, 'globalStorageUri' | 'secrets' | 'extensionMode'>;
  config: Configuration;
  log: Log;
  analyzer: DocumentAnalyzer;
}

export class ExactCountsFeature implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly api: ExactCountsApi;

  constructor({ extension, config, log, analyzer }: ExactCountsServices) {
    const secrets = new ExactCountSecrets(extension.secrets);
    const service = new ExactCountService({
      storageDir: extension.globalStorageUri.fsPath,
      config,
      secrets,
      log,
      reanalyze: (uriKey) => analyzer.reanalyze(uriKey),
    });
    analyzer.useExactCounts(service);
    // Documents are analysed again only when the providers in use change (not at startup with the feature off).
    let applied = '';
    const changed = () => {
      service.reconfigure();
      const configuration = service.configuration();
      if (configuration === applied) return;
      applied = configuration;
      analyzer.reanalyzeAll();
    };
    this.api = {
      status: () => service.snapshot(),
      storedKey: (provider) => {
        const key = secrets.current(provider);
        return key ? { origin: key.origin, sha256: createHash('sha256').update(key.secret).digest('hex').slice(0, 12) } : undefined;
      },
    };
    this.disposables.push(
      secrets,
      service,
      registerCommands(EXACT_COUNT_KEY_COMMANDS, { secrets, config, extensionMode: extension.extensionMode, log }, log),
      analyzer.onDidAnalyze((analysis) => service.onAnalysis(analysis.uri.toString(), analysis.calls)),
      vscode.workspace.onDidCloseTextDocument((doc) => service.forget(doc.uri.toString())),
      config.onDidChange((e) => {
        if (config.changed(e, EXACT_COUNT_KEYS)) changed();
      }),
      secrets.onDidChange(changed),
      // Trusting the workspace lets the user's settings apply.
      vscode.workspace.onDidGrantWorkspaceTrust(changed),
    );
    // Keys are read asynchronously: until then no provider is active, so nothing is sent.
    void secrets.ready.then(changed);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.splice(0).reverse()).dispose();
  }
}
