/**
 * CodeLens on and off: the provider is registered only while `promptCost.codeLens.enabled` is on (turning it
 * off disposes the registration: no provider, no work), and "Toggle CodeLens" flips that setting.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { ContextKey } from '../../core/manifest/extensionNames';
import type { CommandDefinition } from '../commands/registerCommand';
import type { Configuration } from '../configuration';
import { promptDocumentSelector } from '../engine/documentPaths';
import type { Log } from '../log';
import { PromptCodeLensProvider, type PromptLensAnalyses } from './promptCodeLensProvider';

export class CodeLensController implements vscode.Disposable {
  private registration: vscode.Disposable | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly config: Configuration,
    private readonly log: Log,
    private readonly analyzer: PromptLensAnalyses,
  ) {
    this.subscription = config.onDidChange((e) => this.onConfigurationChanged(e));
    this.onConfigurationChanged(undefined);
  }

  get isRegistered(): boolean {
    return this.registration !== undefined;
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent | undefined): void {
    if (!this.config.changed(e, ['codeLens.enabled', 'enabledLanguages'])) return;
    const enabled = this.config.get('codeLens.enabled');
    void vscode.commands.executeCommand('setContext', ContextKey.CodeLensEnabled, enabled);
    // The selector depends on the enabled languages, so any change re-registers.
    this.unregister();
    if (enabled) this.registerProvider();
  }

  private registerProvider(): void {
    const provider = new PromptCodeLensProvider(this.analyzer);
    const selector = promptDocumentSelector(this.config.get('enabledLanguages'));
    this.registration = vscode.Disposable.from(provider, vscode.languages.registerCodeLensProvider(selector, provider));
    this.log.debug('CodeLens provider registered');
  }

  private unregister(): void {
    if (!this.registration) return;
    this.registration.dispose();
    this.registration = undefined;
    this.log.debug('CodeLens provider unregistered');
  }

  dispose(): void {
    this.unregister();
    this.subscription.dispose();
  }
}

/** Flips `promptCost.codeLens.enabled`; the controller above registers or disposes the provider. Returns the new state. */
export const toggleCodeLensCommand: CommandDefinition<{ config: Configuration; log: Log }> = {
  id: CommandId.ToggleCodeLens,
  async run({ config, log }) {
    const enabled = !config.get('codeLens.enabled');
    await config.update('codeLens.enabled', enabled);
    log.info(`CodeLens ${enabled ? 'on' : 'off'}`);
    return enabled;
  },
};
