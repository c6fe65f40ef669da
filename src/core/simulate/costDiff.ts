/**
 * The change in monthly cost per LLM call between two revisions (a pull request's base and head). Each call
 * is priced whole (every part, the framing, its output and reasoning); calls are paired by their parts
 * (`promptPairing.ts`).
 *
 * Volumes: by default both sides use ONE usage file (the working tree's), and a base call takes the usage
 * entry of the head call it is paired with, so the diff shows what the change costs at the same traffic
 * even when line numbers moved. Removed calls are matched against the usage file directly. With
 * `baseUsage` (the base revision's own usage file), each side is matched with its own file, so a change in
 * expected traffic shows up too.
 */
import type { PriceTable } from '../pricing/priceTable';
import { costWithEntry, type FindingMonthlyCost } from './findingMonthlyCost';
import type { PricedCall } from './pricedCalls';
import { pairCalls, type CallPair } from './promptPairing';
import type { UsageProfileName } from './simulationInputs';
import type { UsageFile, UsagePromptEntry } from './usageFile';
import { matchUsage, type FindingLocation } from './usageMatch';

/** A call of one revision: its place, tokens per model and its parts' text. */
export type DiffFinding = PricedCall;

export interface CostDiffSide {
  model: string;
  inputTokens: number;
  /** Null when the model has no price. */
  monthlyCost: number | null;
  /** The provider's billing rules the cost used (`pricing/billingRules.ts`), and what the simulation noted. */
  billing: string[];
  notes: string[];
}

export interface CostDiffRow {
  status: 'changed' | 'unchanged' | 'added' | 'removed';
  /** The call's head location (base location for a removed call). */
  file: string;
  line: number;
  name?: string;
  /** Null when that side has no such call, or no usage entry for it. */
  before: CostDiffSide | null;
  after: CostDiffSide | null;
  /** USD per month (after − before, a missing side counting 0); null when a side has no price. */
  delta: number | null;
  /** delta / before; null when before is 0 or unknown. */
  deltaShare: number | null;
}

export interface CostDiffTotals {
  before: number;
  after: number;
  delta: number;
  deltaShare: number | null;
}

export interface CostDiff {
  profile: UsageProfileName;
  /** Calls with a usage entry on at least one side. */
  rows: CostDiffRow[];
  /** Over the rows whose delta is known. */
  totals: CostDiffTotals;
  /** Rows left out of the totals because a side has no price. */
  unpricedRows: number;
  /** Calls (pairs) with no usage data on either side. */
  withoutUsage: number;
  /** Entries of the (head) usage file that match no call of the working tree. */
  unmatchedEntries: UsagePromptEntry[];
}

export interface CostDiffOptions {
  usage: UsageFile;
  baseUsage?: UsageFile;
  profile?: UsageProfileName;
  prices: PriceTable;
  /** Head finding → path relative to the usage file's folder (see `UsageMatchOptions.fileKey`). */
  fileKey?: (finding: FindingLocation) => string;
  /** The same for base findings. Default: `fileKey`. */
  baseFileKey?: (finding: FindingLocation) => string;
}

export function diffCosts(base: readonly DiffFinding[], head: readonly DiffFinding[], options: CostDiffOptions): CostDiff {
  const { usage, prices } = options;
  const baseUsage = options.baseUsage ?? usage;
  const profile = options.profile ?? usage.defaultProfile;
  const headMatches = matchUsage(head, usage.prompts, { fileKey: options.fileKey });
  const baseMatches = matchUsage(base, baseUsage.prompts, { fileKey: options.baseFileKey ?? options.fileKey });
  const headIndex = new Map(head.map((f, i) => [f, i]));
  const baseIndex = new Map(base.map((f, i) => [f, i]));

  const rows: CostDiffRow[] = [];
  let withoutUsage = 0;
  for (const pair of pairCalls(base, head)) {
    const headEntry = pair.head ? headMatches.entryFor[headIndex.get(pair.head)!] : null;
    const baseEntry = baseEntryFor(pair, headEntry, options.baseUsage !== undefined, baseMatches.entryFor[pair.base ? baseIndex.get(pair.base)! : -1] ?? null);
    const after = pair.head && headEntry ? costWithEntry(pair.head, headEntry, usage, profile, prices) : null;
    const before = pair.base && baseEntry ? costWithEntry(pair.base, baseEntry, baseUsage, profile, prices) : null;
    if (!after && !before) {
      withoutUsage++;
      continue;
    }
    rows.push(diffRow(pair, before, after));
  }

  const known = rows.filter((r) => r.delta !== null);
  const before = known.reduce((s, r) => s + (r.before?.monthlyCost ?? 0), 0);
  const after = known.reduce((s, r) => s + (r.after?.monthlyCost ?? 0), 0);
  const delta = known.reduce((s, r) => s + r.delta!, 0);
  return {
    profile,
    rows,
    totals: { before, after, delta, deltaShare: before > 0 ? delta / before : null },
    unpricedRows: rows.length - known.length,
    withoutUsage,
    unmatchedEntries: headMatches.unmatchedEntries,
  };
}

function baseEntryFor<T>(pair: CallPair<T>, headEntry: UsagePromptEntry | null, separateBaseUsage: boolean, ownEntry: UsagePromptEntry | null): UsagePromptEntry | null {
  if (!pair.base) return null;
  if (separateBaseUsage || !pair.head) return ownEntry;
  return headEntry;
}

function side(cost: FindingMonthlyCost | null): CostDiffSide | null {
  return cost ? { model: cost.model, inputTokens: cost.inputs.inputTokens, monthlyCost: cost.cost.monthlyCost, billing: cost.cost.billing, notes: cost.cost.notes } : null;
}

function diffRow(pair: CallPair<DiffFinding>, beforeCost: FindingMonthlyCost | null, afterCost: FindingMonthlyCost | null): CostDiffRow {
  const before = side(beforeCost);
  const after = side(afterCost);
  const value = (s: CostDiffSide | null) => (s === null ? 0 : s.monthlyCost);
  const b = value(before);
  const a = value(after);
  const delta = a === null || b === null ? null : a - b;
  const where = (pair.head ?? pair.base)!;
  const status = !pair.base ? 'added' : !pair.head ? 'removed' : delta === 0 && before?.model === after?.model ? 'unchanged' : 'changed';
  return {
    status,
    file: where.file,
    line: where.startLine,
    ...(where.name ? { name: where.name } : {}),
    before,
    after,
    delta,
    deltaShare: delta !== null && b !== null && b > 0 ? delta / b : null,
  };
}
