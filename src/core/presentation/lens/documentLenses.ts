/**
 * The lenses of a document, as data (the provider turns them into VS Code CodeLenses): the call is the unit
 * of cost, so each call gets the cost lens (and a `~$/month` lens when the usage file gives its volume), and
 * each of its prompt strings a part lens with its size and share. A prompt that is a call by itself (an
 * implied call of its own) shows only the call's lens. Order: calls, then parts, then $/month (VS Code
 * keeps that order for lenses of one line).
 */
import type { CallAnalysis } from '../../pipeline/callAnalysis';
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';
import { callLensTitle, partLensTitle } from './callLensTitle';
import { monthlyLensTitle, monthlyLensTooltip } from './monthlyLensTitle';

export interface LensModel {
  kind: 'call' | 'part' | 'monthly';
  /** 1-based line the lens sits above. */
  line: number;
  /** The offset the lens's command receives (a call's or a prompt's start). */
  offset: number;
  title: string;
  tooltip: string;
}

export function documentLenses(prompts: readonly PromptAnalysis[], calls: readonly CallAnalysis[]): LensModel[] {
  const callLenses: LensModel[] = [];
  const monthly: LensModel[] = [];
  const callsOfPart = prompts.map(() => [] as CallAnalysis[]);
  for (const item of calls) {
    const at = { line: item.call.startLine, offset: item.call.startOffset };
    callLenses.push({ kind: 'call', ...at, title: callLensTitle(item), tooltip: 'Prompt Cost Lens: what one call costs; click to compare models' });
    if (item.monthly) monthly.push({ kind: 'monthly', ...at, title: monthlyLensTitle(item.monthly), tooltip: monthlyLensTooltip(item.monthly) });
    for (const part of item.parts) if (!callsOfPart[part.index].includes(item)) callsOfPart[part.index].push(item);
  }
  const parts: LensModel[] = [];
  prompts.forEach((item, index) => {
    const own = callsOfPart[index];
    if (own.length === 1 && own[0].parts.length === 1 && own[0].call.startOffset === item.prompt.startOffset) return;
    const tokens = own[0]?.parts.find((p) => p.index === index)?.tokens ?? item.primary.inputTokens;
    parts.push({
      kind: 'part',
      line: item.prompt.startLine,
      offset: item.prompt.startOffset,
      title: partLensTitle({ tokens, exact: item.primary.exact, variables: item.variables }, own),
      tooltip: 'Prompt Cost Lens: this text as a part of its call; click to compare models',
    });
  });
  return [...callLenses, ...parts, ...monthly];
}
