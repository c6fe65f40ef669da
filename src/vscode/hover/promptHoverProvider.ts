/**
 * The hover over a prompt: every compared model in a table, the assumptions and the price list's date.
 * Rendered untrusted: no command links, no HTML; text from the file is escaped by the core formatter.
 */
import * as vscode from 'vscode';
import { hoverMarkdown } from '../../core/presentation/hover/hoverMarkdown';
import type { Container } from '../container';
import { promptAt } from '../engine/promptLookup';

export class PromptHoverProvider implements vscode.HoverProvider {
  constructor(private readonly container: Container) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const { analyzer } = this.container;
    const analysis = analyzer.cached(document) ?? (await analyzer.analyze(document, token));
    if (!analysis || token.isCancellationRequested) return undefined;
    const item = promptAt(analysis, document.offsetAt(position));
    if (!item) return undefined;
    const markdown = new vscode.MarkdownString(hoverMarkdown(item, {
      priceListDate: analysis.engine.ctx.prices.catalogueInfo().date,
      expectedOutputTokens: analysis.engine.settings.expectedOutputTokens,
    }));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    const range = new vscode.Range(document.positionAt(item.prompt.startOffset), document.positionAt(item.prompt.endOffset));
    return new vscode.Hover(markdown, range);
  }
}
