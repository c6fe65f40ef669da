/**
 * When the editor's optional weekly price check is due: never checked, or the last check is 7 days old.
 * A last check "in the future" (the clock was set back, or the state came from another machine) counts as
 * due rather than postponing the check by however far the clock moved.
 */
export const WEEKLY_CHECK_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

export function priceCheckDue(lastCheck: number | undefined, now: number, intervalMs = WEEKLY_CHECK_INTERVAL_MS): boolean {
  if (lastCheck === undefined || !Number.isFinite(lastCheck) || lastCheck > now) return true;
  return now - lastCheck >= intervalMs;
}
