/**
 * `scan --format sarif`: SARIF 2.1.0, one result per call over a limit at the call's location, so code
 * scanning (GitHub, Azure DevOps) annotates the pull request where the call is written.
 */
import { formatUsd } from '../core/pricing/formatUsd';
import { callTokensLabel, formatCostRange } from '../core/presentation/call/callFigures';
import type { CallOverLimit } from '../core/scan/callLimits';

const RULES = {
  typical: { id: 'PCL001', name: 'CallCostOverLimit', text: 'An LLM call costs more than the limit per call (typical figure).' },
  max: { id: 'PCL002', name: 'CallMaxCostOverLimit', text: 'An LLM call can cost more than the limit per call when it uses its whole output cap.' },
} as const;

export interface SarifLimits {
  failOver?: number;
  failOverMax?: number;
}

export function toSarif(over: readonly CallOverLimit[], limits: SarifLimits): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Prompt Cost Lens',
            rules: Object.values(RULES).map((r) => ({ id: r.id, name: r.name, shortDescription: { text: r.text } })),
          },
        },
        results: over.map(({ call, over: which }) => {
          const e = call.estimates[0];
          const limit = which === 'typical' ? limits.failOver : limits.failOverMax;
          const cost = formatCostRange(e.cost?.typical ?? null, e.cost?.max ?? null);
          return {
            ruleId: RULES[which].id,
            level: which === 'typical' ? 'error' : 'warning',
            message: { text: `${cost}/call on ${e.model} (${callTokensLabel(e)}) is over the limit of ${formatUsd(limit)}/call${which === 'max' ? ' at its output cap' : ''}.` },
            locations: [{ physicalLocation: { artifactLocation: { uri: call.file }, region: { startLine: call.startLine, endLine: call.endLine } } }],
          };
        }),
      },
    ],
  };
}
