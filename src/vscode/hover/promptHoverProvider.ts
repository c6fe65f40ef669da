/**
 * The hover over a prompt: every compared model in a table, the assumptions and the price list's date.
 * Rendered untrusted: no command links, no HTML; text from the file is escaped by the core formatter.
 */
import * as vscode from 'vscode';
import { hoverMarkdown } from '../../core/presentation/hover/hoverMarkdown';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import { promptAt } from '../../core/pipeline/promptLookup';

/** The analyses the hover reads. */
export type PromptHoverAnalyses = Pick<DocumentAnalyzer, 'cached' | 'analyze'>;

export class PromptHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyzer: PromptHoverAnalyses) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const { analyzer } = this;
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
