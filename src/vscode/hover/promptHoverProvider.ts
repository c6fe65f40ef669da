/**
 * The hover over a call, or over any prompt string that is a part of one: the call's anatomy (parts,
 * framing, tools, schema, input, output, reasoning), the compared models side by side, the assumptions and
 * the price catalogue in use with its date. Rendered untrusted: no command links, no HTML; text from the file is escaped by
 * the core formatter.
 */
import * as vscode from 'vscode';
import { callHitAt } from '../../core/pipeline/callLookup';
import { hoverMarkdown } from '../../core/presentation/hover/hoverMarkdown';
import { catalogueLabel } from '../../core/presentation/prices/catalogueLabel';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';

/** The analyses the hover reads. */
export type PromptHoverAnalyses = Pick<DocumentAnalyzer, 'cached' | 'analyze'>;

export class PromptHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyzer: PromptHoverAnalyses) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const { analyzer } = this;
    const analysis = analyzer.cached(document) ?? (await analyzer.analyze(document, token));
    if (!analysis || token.isCancellationRequested) return undefined;
    const hit = callHitAt(analysis, document.offsetAt(position));
    if (!hit) return undefined;
    const { settings } = analysis.engine;
    const markdown = new vscode.MarkdownString(hoverMarkdown(hit, analysis.prompts, {
      priceList: catalogueLabel(analysis.engine.ctx.prices.catalogueInfo().source),
      expectedOutputTokens: settings.expectedOutputTokens,
      placeholderTokens: settings.placeholderTokens,
    }));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    const range = new vscode.Range(document.positionAt(hit.startOffset), document.positionAt(hit.endOffset));
    return new vscode.Hover(markdown, range);
  }
}
