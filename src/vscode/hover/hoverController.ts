/** Registers the prompt hover while `promptCost.hover.enabled` is on (re-registers when languages change). */
import * as vscode from 'vscode';
import type { Configuration } from '../configuration';
import { promptDocumentSelector } from '../engine/documentPaths';
import { PromptHoverProvider, type PromptHoverAnalyses } from './promptHoverProvider';

export class HoverController implements vscode.Disposable {
  private registration: vscode.Disposable | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly config: Configuration,
    private readonly analyzer: PromptHoverAnalyses,
  ) {
    this.subscription = config.onDidChange((e) => this.onConfigurationChanged(e));
    this.onConfigurationChanged(undefined);
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent | undefined): void {
    const { config } = this;
    if (!config.changed(e, ['hover.enabled', 'enabledLanguages'])) return;
    this.registration?.dispose();
    this.registration = undefined;
    if (!config.get('hover.enabled')) return;
    const selector = promptDocumentSelector(config.get('enabledLanguages'));
    this.registration = vscode.languages.registerHoverProvider(selector, new PromptHoverProvider(this.analyzer));
  }

  dispose(): void {
    this.registration?.dispose();
    this.subscription.dispose();
  }
}
