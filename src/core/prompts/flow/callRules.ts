/**
 * The Python/JavaScript SDK table (`core/languages/pythonJavascriptSdkCalls.ts`) prepared for matching
 * call paths: each `call` shape's callee split into segments of alternatives, and the message classes.
 */
import { PYTHON_JAVASCRIPT_SDK_CALLS } from '../../languages/pythonJavascriptSdkCalls';
import type { SdkCallShape } from '../../languages/sdkCallShape';
import { nameTable } from '../nameTable';
import type { CallSite } from './syntaxAdapter';

export type CallRule = SdkCallShape;

interface CompiledRule {
  rule: CallRule;
  segments: string[][];
}

export const COMPILED_RULES: CompiledRule[] = PYTHON_JAVASCRIPT_SDK_CALLS.filter((shape) => shape.form === 'call').map((rule) => ({ rule, segments: rule.callee.split('.').map((s) => s.split('|')) }));
/** Every name a rule's callee can end with: a call ending otherwise matches no rule (checked before its arguments are read). */
export const RULE_LAST_SEGMENTS = new Set(COMPILED_RULES.flatMap(({ segments }) => segments[segments.length - 1]));

const MESSAGE_SHAPES = PYTHON_JAVASCRIPT_SDK_CALLS.filter((shape) => shape.form === 'message');
/** Message classes: the role their callee says, or null when a `role=` argument says it. */
export const MESSAGE_CLASS_ROLES = nameTable<string | null>(Object.fromEntries(MESSAGE_SHAPES.flatMap((shape) => shape.callee.split('|').map((callee) => [callee, shape.role ?? null]))));
/** Message-template classes whose text is a `{name}` template. */
export const TEMPLATE_MESSAGE_CLASSES = new Set(MESSAGE_SHAPES.filter((shape) => shape.syntaxes).map((shape) => shape.callee));

/** The rule of a call that builds a model object (it names where the model id is), by callee only. */
export function matchRuleForModel(site: CallSite): CallRule | null {
  for (const { rule, segments } of COMPILED_RULES) {
    if (rule.modelAt === undefined || site.path.length < segments.length) continue;
    const offset = site.path.length - segments.length;
    if (segments.every((alts, i) => alts.includes(site.path[offset + i]))) return rule;
  }
  return null;
}
