/**
 * Budget threshold notifications. The core's `BudgetAlertTracker` decides what is new (each threshold at
 * most once per day / month in the budget's zone); its memory lives in globalState so a reload or a second
 * window does not repeat an alert. One notification per period and reading: the highest threshold crossed.
 */
import * as vscode from 'vscode';
import { BudgetAlertTracker, type BudgetAlert } from '../../core/spend/budget';
import type { SpendSnapshot } from '../../core/spend/spendPoller';
import type { SpendConfig } from '../../core/spend/spendConfig';
import { formatUsd } from '../../core/pricing/formatUsd';

const STATE_KEY = 'promptCost.spend.budgetAlerts';

export class BudgetNotifier {
  private tracker: BudgetAlertTracker;
  private shown: string[] = [];

  constructor(
    private readonly globalState: vscode.Memento,
    config: SpendConfig,
    private readonly openDashboardCommand: string,
    private readonly log: (line: string) => void,
  ) {
    this.tracker = this.trackerFor(config);
  }

  /** New budgets or thresholds: same memory (what fired today stays fired). */
  reconfigure(config: SpendConfig): void {
    this.tracker = this.trackerFor(config);
  }

  /** Messages shown so far in this session (the extension API exposes the count for tests). */
  get shownMessages(): readonly string[] {
    return this.shown;
  }

  check(snapshot: SpendSnapshot): void {
    if (!snapshot.sources.some((s) => s.result)) return; // no figure is not a drop to $0
    // A partial sum is a lower bound: a threshold it crosses is truly crossed.
    const alerts = this.tracker.check({ today: snapshot.total.today, monthToDate: snapshot.total.monthToDate }, snapshot.at);
    if (alerts.length === 0) return;
    void this.globalState.update(STATE_KEY, this.tracker.toJSON());
    for (const period of ['day', 'month'] as const) {
      const top = alerts.filter((a) => a.period === period).pop();
      if (top) this.notify(top);
    }
  }

  private notify(alert: BudgetAlert): void {
    const what = alert.period === 'day' ? 'daily' : 'monthly';
    const message = `Prompt Cost: ${formatUsd(alert.spent)} is ${Math.floor(alert.used * 100)} % of your ${what} LLM budget of ${formatUsd(alert.limit)} (${alert.threshold} % threshold).`;
    this.shown.push(message);
    this.log(`budget alert: ${what} ${alert.threshold} % (${alert.periodKey})`);
    const action = 'Open Dashboard';
    const show =
      alert.severity === 'blocked' ? vscode.window.showErrorMessage : alert.severity === 'info' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(message, action).then((choice) => {
      if (choice === action) void vscode.commands.executeCommand(this.openDashboardCommand);
    });
  }

  private trackerFor(config: SpendConfig): BudgetAlertTracker {
    return new BudgetAlertTracker(
      { daily: config.budget.daily, monthly: config.budget.monthly, thresholds: config.budget.thresholds, timeZone: config.timeZone },
      this.globalState.get(STATE_KEY),
    );
  }
}
