/** Findings made by hand (the shape `scan --json` emits), so matching and pricing tests do not depend on the parser. */
import type { Finding, FindingEstimate } from '../../../../src/core/scan/finding';

export function estimate(model: string, inputTokens: number, outputTokens = 50): FindingEstimate {
  return {
    model,
    encoding: null,
    exact: true,
    inputTokens,
    staticTokens: inputTokens,
    inputCost: null,
    outputTokens,
    outputCost: null,
    costPerCall: null,
    cachedCostPerCall: null,
    batchCostPerCall: null,
    contextWindow: null,
    priceId: null,
  };
}

export function finding(file: string, startLine: number, endLine: number, options: { name?: string; text?: string; kind?: Finding['kind']; estimates?: FindingEstimate[] } = {}): Finding {
  return {
    file,
    startLine,
    endLine,
    language: 'python',
    kind: options.kind ?? 'literal',
    text: options.text ?? `prompt at ${file}:${startLine}`,
    placeholders: [],
    model: null,
    ...(options.name ? { name: options.name } : {}),
    evidence: 'call',
    estimates: options.estimates ?? [estimate('test-model', 100)],
  };
}
