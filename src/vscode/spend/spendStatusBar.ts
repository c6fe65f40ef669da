/**
 * The spend status bar item: shows the view computed in core (`spendStatusView`) and the tooltip Markdown
 * (`spendTooltipMarkdown`). Hidden while no source is configured. Clicking opens the dashboard.
 */
import * as vscode from 'vscode';
import type { SpendSnapshot } from '../../core/spend/spendPoller';
import type { SpendBudgets } from '../../core/spend/budget';
import { spendStatusView, type SpendStatusView } from '../../core/presentation/spend/spendStatusView';
import { spendTooltipMarkdown, type TooltipCommands } from '../../core/presentation/spend/spendTooltip';

export const STATUS_BAR_ID = 'promptCost.spend';

export interface StatusBarOptions {
  budgets: SpendBudgets;
  perRequestLimit?: number;
  timeZone?: string;
}

export class SpendStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private current: SpendStatusView = spendStatusView(null, { daily: null, monthly: null });
  private tooltip = '';

  constructor(
    private readonly commands: TooltipCommands,
    clickCommand: string,
  ) {
    this.item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Prompt Cost: LLM Spend';
    this.item.command = clickCommand;
  }

  /** The last rendered view and tooltip (the extension API exposes them: an item's text is not readable). */
  get view(): SpendStatusView {
    return this.current;
  }

  get tooltipMarkdown(): string {
    return this.tooltip;
  }

  render(snapshot: SpendSnapshot | null, options: StatusBarOptions): void {
    const view = spendStatusView(snapshot, options.budgets);
    this.current = view;
    if (view.state === 'hidden' || !snapshot) {
      this.tooltip = '';
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.backgroundColor = view.background ? new vscode.ThemeColor(view.background) : undefined;
    this.item.accessibilityInformation = { label: view.accessibleLabel, role: 'button' };
    this.tooltip = spendTooltipMarkdown(snapshot, view, { ...options, commands: this.commands });
    const md = new vscode.MarkdownString(this.tooltip, true);
    // Only our own commands run from the tooltip's links; everything a server sent is escaped in core.
    md.isTrusted = { enabledCommands: Object.values(this.commands) };
    md.supportHtml = false;
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
