/** Calls made by hand (the shape the simulation and `diff` price), so matching and pricing tests do not depend on the parser. */
import type { PricedEstimate } from '../../../../src/core/simulate/findingMonthlyCost';
import type { PricedCall } from '../../../../src/core/simulate/pricedCalls';
import type { PromptKind } from '../../../../src/core/prompts/prompt';
import type { PartLocation } from '../../../../src/core/simulate/usageMatch';

export function estimate(model: string, inputTokens: number, outputTokens = 50): PricedEstimate {
  return { model, inputTokens, outputTokens };
}

export function finding(
  file: string,
  startLine: number,
  endLine: number,
  options: { name?: string; text?: string; kind?: PromptKind; estimates?: PricedEstimate[]; parts?: PartLocation[] } = {},
): PricedCall {
  return {
    file,
    startLine,
    endLine,
    kind: options.kind ?? 'literal',
    text: options.text ?? `prompt at ${file}:${startLine}`,
    model: null,
    ...(options.name ? { name: options.name } : {}),
    ...(options.parts ? { parts: options.parts } : {}),
    estimates: options.estimates ?? [estimate('test-model', 100)],
  };
}
