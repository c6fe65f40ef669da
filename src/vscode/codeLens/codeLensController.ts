/**
 * Registers the prompt CodeLens provider only while `promptCost.codeLens.enabled` is on: turning it off
 * disposes the registration (no provider, no work), turning it on registers it again.
 */
import * as vscode from 'vscode';
import { ContextKey } from '../../core/manifest/extensionNames';
import type { Container } from '../container';
import { promptDocumentSelector } from '../engine/documentPaths';
import { PromptCodeLensProvider } from './promptCodeLensProvider';

export class CodeLensController implements vscode.Disposable {
  private registration: vscode.Disposable | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly container: Container) {
    this.subscription = container.config.onDidChange((e) => this.onConfigurationChanged(e));
    this.onConfigurationChanged(undefined);
  }

  get isRegistered(): boolean {
    return this.registration !== undefined;
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent | undefined): void {
    const { config } = this.container;
    if (!config.changed(e, ['codeLens.enabled', 'enabledLanguages'])) return;
    const enabled = config.get('codeLens.enabled');
    void vscode.commands.executeCommand('setContext', ContextKey.CodeLensEnabled, enabled);
    // The selector depends on the enabled languages, so any change re-registers.
    this.unregister();
    if (enabled) this.registerProvider();
  }

  private registerProvider(): void {
    const provider = new PromptCodeLensProvider(this.container);
    const selector = promptDocumentSelector(this.container.config.get('enabledLanguages'));
    this.registration = vscode.Disposable.from(provider, vscode.languages.registerCodeLensProvider(selector, provider));
    this.container.log.debug('CodeLens provider registered');
  }

  private unregister(): void {
    if (!this.registration) return;
    this.registration.dispose();
    this.registration = undefined;
    this.container.log.debug('CodeLens provider unregistered');
  }

  dispose(): void {
    this.unregister();
    this.subscription.dispose();
  }
}
