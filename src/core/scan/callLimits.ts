/**
 * Which calls of a scan are over the CI limits (`--fail-over` on the typical cost, `--fail-over-max` on the
 * cost with the whole output cap), and the scan's totals: each call counted once, on its own model. A call
 * made with a test double costs nothing: it is in neither.
 */
import type { CallFinding } from './finding';

export interface CallOverLimit {
  call: CallFinding;
  /** Which limit it is over (typical first: the headline figure). */
  over: 'typical' | 'max';
}

export function callsOverLimit(calls: readonly CallFinding[], failOver: number | undefined, failOverMax: number | undefined): CallOverLimit[] {
  const out: CallOverLimit[] = [];
  for (const call of calls) {
    if (call.testDouble || call.sentBy) continue;
    const cost = call.estimates[0]?.cost;
    if (!cost) continue;
    if (failOver !== undefined && cost.typical > failOver) out.push({ call, over: 'typical' });
    else if (failOverMax !== undefined && cost.max !== null && cost.max > failOverMax) out.push({ call, over: 'max' });
  }
  return out;
}

export interface ScanModelTotal {
  model: string;
  calls: number;
  /** Sum of typical costs of the priced calls; null when none has a price (never $0 for "no price"). */
  typical: number | null;
  /** Sum of max costs; null when a priced call has no cap, or none has a price. */
  max: number | null;
  unpriced: number;
}

/** One of each call, grouped by the model it is priced on (`estimates[0]`). */
export function scanTotals(calls: readonly CallFinding[]): { calls: number; byModel: ScanModelTotal[] } {
  const byModel = new Map<string, ScanModelTotal>();
  const paid = calls.filter((call) => !call.testDouble && !call.sentBy);
  for (const call of paid) {
    const e = call.estimates[0];
    if (!e) continue;
    const t = byModel.get(e.model) ?? { model: e.model, calls: 0, typical: 0, max: 0, unpriced: 0 };
    t.calls++;
    if (!e.cost) t.unpriced++;
    else {
      t.typical = (t.typical ?? 0) + e.cost.typical;
      t.max = t.max === null || e.cost.max === null ? null : t.max + e.cost.max;
    }
    byModel.set(e.model, t);
  }
  const totals = [...byModel.values()].map((t) => (t.unpriced === t.calls ? { ...t, typical: null, max: null } : t));
  return { calls: paid.length, byModel: totals };
}
