/**
 * $/month for a prompt whose volume the usage file gives, as the CodeLens and the Estimate Workspace tree show
 * it: `~$42/month`. Rounded (it is a forecast): whole dollars from $10, else two significant digits.
 */
import { formatUsd } from '../../pricing/formatUsd';
import type { FindingMonthlyCost } from '../../simulate/findingMonthlyCost';
import type { UsageProfileName } from '../../simulate/simulationInputs';

/** `~$42/month`, `~$1,250/month`, `~$0.37/month`; `no price/month` for a model without a price. */
export function formatMonthly(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return 'no price/month';
  if (amount >= 10) return `~$${Math.round(amount).toLocaleString('en-US')}/month`;
  return `~${formatUsd(amount)}/month`;
}

/** The lens text: the amount, plus the profile when it is not the expected one (`~$90/month (high)`). */
export function monthlyLensTitle(cost: Pick<FindingMonthlyCost, 'cost' | 'profile'>): string {
  return formatMonthly(cost.cost.monthlyCost) + profileNote(cost.profile);
}

/** ` · ~$42/month`: appended to a one-line prompt summary (the report tree's rows). */
export function monthlySuffix(cost: Pick<FindingMonthlyCost, 'cost' | 'profile'> | null): string {
  return cost ? ` · ${monthlyLensTitle(cost)}` : '';
}

/** Hover text of the lens: where the figure comes from. */
export function monthlyLensTooltip(cost: Pick<FindingMonthlyCost, 'cost' | 'profile' | 'model' | 'inputs'>): string {
  const i = cost.inputs;
  return `Prompt Cost Lens: ${formatMonthly(cost.cost.monthlyCost)} on ${cost.model} at ${i.requestsPerDay.toLocaleString('en-US')} requests/day ` +
    `(usage profile "${cost.profile}" in .promptcost.yml). Click to simulate.`;
}

function profileNote(profile: UsageProfileName): string {
  return profile === 'expected' ? '' : ` (${profile})`;
}
