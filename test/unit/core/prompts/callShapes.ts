/**
 * Support for the SDK table tests: scans a source text as `file` (the extension picks the language) and
 * describes its calls as they group the prompts, so a test states the expected text, role, model and
 * grouping by hand.
 */
import { assembleCalls } from '../../../../src/core/prompts/assembleCalls';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';

export interface DescribedCall {
  /** 1-based line of the call (or of the template or definition of an implied call). */
  line: number;
  implied: boolean;
  api: string;
  model: string | null;
  testDouble?: true;
  /** `role: text` of each part, in source order. */
  parts: string[];
}

export async function callsIn(source: string, file: string): Promise<DescribedCall[]> {
  const prompts = await findPrompts(source, file);
  return assembleCalls(prompts).map(({ call, parts }) => ({
    line: call.startLine,
    implied: call.implied,
    api: call.api,
    model: call.model,
    ...(call.testDouble ? { testDouble: true as const } : {}),
    parts: parts.map((p) => `${prompts[p.index].role ?? '?'}: ${prompts[p.index].text}`),
  }));
}
