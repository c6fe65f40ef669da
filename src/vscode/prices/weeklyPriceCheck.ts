/**
 * `promptCost.prices.weeklyCheck`: off by default (nothing is downloaded unless asked). When on, a price
 * update runs once VS Code has settled after start, if the last check is 7 days old; the check is recorded
 * before it runs, so a failing source is not retried on every start. The result goes to the log (and, on
 * success, briefly to the status bar); a failure never interrupts with a notification.
 */
import * as vscode from 'vscode';
import { priceCheckDue } from '../../core/pricing/refreshSchedule';
import type { Log } from '../log';

const LAST_CHECK_KEY = 'promptCost.prices.lastWeeklyCheck';
/** After activation and the first analyses, not during them. */
const START_DELAY_MS = 20_000;

export class WeeklyPriceCheck implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly state: vscode.Memento,
    /** Updates the prices; resolves to the new catalogue's status line. */
    private readonly update: () => Promise<string>,
    private readonly log: Pick<Log, 'debug'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Schedules a check when the setting is on and one is due (at start, and when the setting is turned on). */
  consider(weeklyCheck: boolean): void {
    if (!weeklyCheck) {
      this.cancel();
      return;
    }
    if (this.timer) return;
    const last = this.state.get<number>(LAST_CHECK_KEY);
    if (!priceCheckDue(last, this.now())) {
      this.log.debug(`prices: weekly check done ${new Date(last!).toISOString()}, next in 7 days`);
      return;
    }
    this.timer = setTimeout(() => void this.check(), START_DELAY_MS);
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    await this.state.update(LAST_CHECK_KEY, this.now());
    try {
      const line = await this.update();
      vscode.window.setStatusBarMessage(`$(cloud-download) Prices updated: ${line}`, 10_000);
    } catch {
      // Logged by the catalogue service; the prices in use stay.
    }
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}
