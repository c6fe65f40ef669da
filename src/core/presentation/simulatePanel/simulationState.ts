/**
 * What the Simulate Monthly Cost panel is showing: one LLM call's traffic inputs, the models side by side,
 * the budget and the models the user accepts. Built from the settings, then the usage file (its defaults and
 * the call's entry, for one profile), then explicit overrides; edited one field at a time from the webview.
 * The extension keeps this state; the webview only shows it and posts edits.
 */
import type { SimulationRequest } from '../../simulate/modelComparison';
import { flexShareOf, INPUT_RULES, SIMULATION_DEFAULTS, type SimulationInputs, type UsageProfileName } from '../../simulate/simulationInputs';
import { usageValue, type UsageFile, type UsagePromptEntry } from '../../simulate/usageFile';
import type { SimulationSettings } from '../../simulate/simulationSettings';

/** Which call is simulated (for the title). */
export interface SimulationSubject {
  /** `call at line 16 of python/support_bot.py (SYSTEM_PROMPT)`, `selection (120 characters)`… */
  label: string;
  /** Workspace-relative path, when the call is in a file. */
  file: string | null;
  /** 1-based start line of the call, when it is in a file. */
  line: number | null;
}

/** A call's tokens as one model sees them (from the editor's call estimates). */
export interface CallTokens {
  model: string;
  /** The whole input of the call: every part, the message framing, tools and response schema. */
  inputTokens: number;
  /** Billed at the output rate: the typical visible output (capped by max_tokens) + the typical reasoning. */
  outputTokens: number;
  /** The typical reasoning within `outputTokens`, added to a usage entry's `outputTokens` (the visible output). */
  reasoningTokens?: number;
}

export interface SimulationState {
  subject: SimulationSubject;
  /** The usage entry that gave the traffic (`"python/support_bot.py:16" (line 42 of .promptcost.yml)`), or null. */
  usageEntry: string | null;
  profile: UsageProfileName;
  model: string;
  compareModels: string[];
  acceptableModels: string[];
  monthlyBudget: number | null;
  inputs: SimulationInputs;
  /** Input tokens per model, so changing the model re-reads the call with that model's tokenizer. */
  tokensByModel: Record<string, number>;
  /** True once the input tokens come from the usage file or the user, not from the call's estimate. */
  inputTokensFixed: boolean;
}

/** Explicit values (command arguments in tests, a future "simulate with…" entry point). */
export interface SimulationOverrides {
  model?: string;
  compareModels?: readonly string[];
  acceptableModels?: readonly string[];
  monthlyBudget?: number | null;
  inputs?: Partial<SimulationInputs>;
}

export interface InitialStateOptions {
  subject: SimulationSubject;
  /** The call's estimates, the model the code calls first (empty for a call nothing is known about). */
  tokens: readonly CallTokens[];
  /** The compared models (settings `compareModels`). */
  compareModels: readonly string[];
  /** Output tokens when no estimate gives them (`expectedOutputTokens`). */
  expectedOutputTokens: number;
  settings: SimulationSettings;
  usage: UsageFile | null;
  entry: UsagePromptEntry | null;
  overrides?: SimulationOverrides;
}

/** A usage entry's visible output plus the call's reasoning; without one, the call's own billed output. */
function usageOutput(fromUsage: number | undefined, tokens: CallTokens | undefined): number | undefined {
  return fromUsage !== undefined ? fromUsage + (tokens?.reasoningTokens ?? 0) : tokens?.outputTokens;
}

export function initialSimulationState(options: InitialStateOptions): SimulationState {
  const { settings, usage, entry, overrides = {} } = options;
  const profile: UsageProfileName = settings.profile ?? usage?.defaultProfile ?? 'expected';
  const tokensByModel: Record<string, number> = {};
  for (const t of options.tokens) if (!(t.model in tokensByModel)) tokensByModel[t.model] = t.inputTokens;
  const primary = options.tokens[0];
  const model = cleanModel(overrides.model) ?? entry?.model ?? usage?.defaults.model ?? primary?.model ?? 'gpt-4o';

  // Usage values only count for a call the usage file describes, or as the file's defaults.
  const fromUsage = (key: keyof SimulationInputs): number | undefined => (usage ? usageValue(entry, usage.defaults, key, profile) : undefined);
  const usageTokens = fromUsage('inputTokens');
  const inputs: SimulationInputs = {
    requestsPerDay: fromUsage('requestsPerDay') ?? settings.requestsPerDay,
    inputTokens: usageTokens ?? tokensByModel[model] ?? primary?.inputTokens ?? 0,
    outputTokens: usageOutput(fromUsage('outputTokens'), options.tokens.find((t) => t.model === model) ?? primary) ?? options.expectedOutputTokens,
    growth: fromUsage('growth') ?? settings.growth,
    cacheHitRate: fromUsage('cacheHitRate') ?? settings.cacheHitRate,
    cachedPrefixShare: fromUsage('cachedPrefixShare') ?? settings.cachedPrefixShare,
    batchShare: fromUsage('batchShare') ?? settings.batchShare,
    ...flexShareOf(fromUsage('flexShare')),
    daysPerMonth: fromUsage('daysPerMonth') ?? SIMULATION_DEFAULTS.daysPerMonth,
    ...definedOnly(overrides.inputs ?? {}),
  };
  const compare = overrides.compareModels ?? [...options.tokens.map((t) => t.model), ...options.compareModels];
  const acceptable = overrides.acceptableModels ?? [...settings.acceptableModels, ...(usage?.acceptableModels ?? [])];
  return {
    subject: options.subject,
    usageEntry: entry && usage ? describeUsageEntry(entry, usage.fileName) : null,
    profile,
    model,
    compareModels: uniqueModels(compare).filter((m) => m !== model),
    acceptableModels: uniqueModels(acceptable),
    monthlyBudget: overrides.monthlyBudget !== undefined ? overrides.monthlyBudget : settings.monthlyBudget ?? usage?.monthlyBudget ?? null,
    inputs,
    tokensByModel,
    inputTokensFixed: usageTokens !== undefined || overrides.inputs?.inputTokens !== undefined,
  };
}

/** The request the core simulates for this state. */
export function simulationRequest(state: SimulationState): SimulationRequest {
  return {
    model: state.model,
    compareModels: state.compareModels,
    // The current model cannot replace itself (the usage file may list it, e.g. after a model switch).
    acceptableModels: state.acceptableModels.filter((m) => m !== state.model),
    monthlyBudget: state.monthlyBudget,
    inputs: state.inputs,
    projectionMonths: SIMULATION_DEFAULTS.projectionMonths,
  };
}

// ──── Editing from the webview ────────────────────────────────────────────────────────────────────────

/** Fields the panel lets the user edit. Shares are typed as percentages there, money in USD. */
export type EditableField =
  | 'requestsPerDay'
  | 'growth'
  | 'inputTokens'
  | 'outputTokens'
  | 'cacheHitRate'
  | 'cachedPrefixShare'
  | 'batchShare'
  | 'flexShare'
  | 'monthlyBudget'
  | 'model';

export interface FieldSpec {
  id: EditableField;
  label: string;
  /** How the value is typed: `percent` fields show 25 for a share of 0.25. */
  unit: 'count' | 'tokens' | 'percent' | 'usd' | 'model';
  min?: number;
  max?: number;
  step?: number;
  help: string;
}

export const FIELD_SPECS: readonly FieldSpec[] = [
  { id: 'model', label: 'Model', unit: 'model', help: 'The model the call runs on; the others are compared with it.' },
  { id: 'requestsPerDay', label: 'Requests per day', unit: 'count', min: 0, step: 1, help: 'Requests your application makes per day, before the response cache.' },
  { id: 'growth', label: 'Growth per month (%)', unit: 'percent', min: -99, step: 0.5, help: 'Monthly growth of the volume, compounded.' },
  { id: 'inputTokens', label: 'Input tokens per request', unit: 'tokens', min: 0, step: 1, help: 'The whole input of the call per request: its prompts, message framing, tools and schema (the call’s estimate unless changed).' },
  { id: 'outputTokens', label: 'Expected output tokens', unit: 'tokens', min: 0, step: 1, help: 'Tokens billed at the output rate per request: the visible answer plus any reasoning.' },
  { id: 'cacheHitRate', label: 'Response-cache hit rate (%)', unit: 'percent', min: 0, max: 100, step: 1, help: 'Requests answered by your own cache: they never reach the model.' },
  { id: 'cachedPrefixShare', label: 'Cached prefix (%)', unit: 'percent', min: 0, max: 100, step: 1, help: 'Share of the input that is a static prefix billed at the provider’s cache-read rate.' },
  { id: 'batchShare', label: 'Batch share (%)', unit: 'percent', min: 0, max: 100, step: 1, help: 'Requests sent through the provider’s batch API.' },
  { id: 'flexShare', label: 'Flex share (%)', unit: 'percent', min: 0, max: 100, step: 1, help: 'Requests sent on OpenAI’s flex tier (service_tier "flex"): batch rates, answered in the request.' },
  { id: 'monthlyBudget', label: 'Monthly budget (USD)', unit: 'usd', min: 0, step: 1, help: 'Draws the budget line; empty or 0 for none.' },
];

export interface EditResult {
  state: SimulationState;
  /** Why the value was refused (the state is then unchanged), or null. */
  error: string | null;
}

/** Applies one edit as typed in the panel (a string or number); refuses values out of range. */
export function applySimulationEdit(state: SimulationState, field: string, raw: unknown): EditResult {
  const spec = FIELD_SPECS.find((f) => f.id === field);
  if (!spec) return { state, error: `unknown field ${String(field)}` };
  if (spec.unit === 'model') {
    const model = cleanModel(typeof raw === 'string' ? raw : undefined);
    if (!model) return { state, error: 'Model: give a model id, e.g. gpt-4o-mini' };
    return { state: withModel(state, model), error: null };
  }
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (spec.id === 'monthlyBudget') {
    if (text === '') return { state: { ...state, monthlyBudget: null }, error: null };
    const usd = Number(text);
    if (!Number.isFinite(usd) || usd < 0) return { state, error: `${spec.label}: give an amount ≥ 0, not "${text}"` };
    return { state: { ...state, monthlyBudget: usd > 0 ? usd : null }, error: null };
  }
  const typed = Number(text);
  if (text === '' || !Number.isFinite(typed)) return { state, error: `${spec.label}: give a number, not "${text}"` };
  const key = spec.id as keyof SimulationInputs;
  const value = spec.unit === 'percent' ? typed / 100 : typed;
  const rule = INPUT_RULES[key];
  if (!rule.check(value)) return { state, error: `${spec.label}: ${describeRange(spec)}, not ${text}` };
  const shares = { ...state.inputs, [key]: value };
  if (shares.batchShare + (shares.flexShare ?? 0) > 1) return { state, error: `${spec.label}: batch and flex shares add up to more than 100 %` };
  return {
    state: { ...state, inputs: { ...state.inputs, [key]: value }, inputTokensFixed: state.inputTokensFixed || key === 'inputTokens' },
    error: null,
  };
}

/** Marks a model acceptable (or not): the cheapest acceptable one's saving is shown. */
export function setModelAcceptable(state: SimulationState, model: string, accepted: boolean): SimulationState {
  const others = state.acceptableModels.filter((m) => m !== model);
  return { ...state, acceptableModels: accepted ? [...others, model] : others };
}

/** The value as the panel's input shows it (percent fields ×100, an empty budget for none). */
export function fieldValue(state: SimulationState, field: EditableField): string {
  if (field === 'model') return state.model;
  if (field === 'monthlyBudget') return state.monthlyBudget === null ? '' : String(state.monthlyBudget);
  const value = state.inputs[field] ?? 0;
  const spec = FIELD_SPECS.find((f) => f.id === field)!;
  // Rounded to 10 significant digits so 0.07 × 100 shows 7, not 7.000000000000001.
  return String(spec.unit === 'percent' ? Number((value * 100).toPrecision(10)) : value);
}

/** A new current model: the old one joins the compared models, and the call is re-read with its tokenizer. */
function withModel(state: SimulationState, model: string): SimulationState {
  if (model === state.model) return state;
  const compareModels = uniqueModels([state.model, ...state.compareModels]).filter((m) => m !== model);
  const tokens = state.inputTokensFixed ? state.inputs.inputTokens : state.tokensByModel[model] ?? state.inputs.inputTokens;
  return { ...state, model, compareModels, inputs: { ...state.inputs, inputTokens: tokens } };
}

function describeRange(spec: FieldSpec): string {
  if (spec.unit === 'percent' && spec.max !== undefined) return `a percentage between ${spec.min} and ${spec.max}`;
  if (spec.unit === 'percent') return 'a percentage above −100';
  if (spec.unit === 'tokens') return 'a whole number ≥ 0';
  return 'a number ≥ 0';
}

/** `"SYSTEM in a.py" (line 12 of .promptcost.yml)`: which entry, and where to edit it. */
export function describeUsageEntry(entry: UsagePromptEntry, fileName: string): string {
  const what = entry.line !== undefined ? `${entry.file}:${entry.line}` : entry.file ? `${entry.name} in ${entry.file}` : entry.name;
  return entry.at.line === null ? `"${what}" in ${fileName}` : `"${what}" (line ${entry.at.line} of ${fileName})`;
}

function cleanModel(model: string | undefined): string | undefined {
  const trimmed = model?.trim();
  return trimmed ? trimmed : undefined;
}

function uniqueModels(models: readonly string[]): string[] {
  return [...new Set(models.map((m) => m.trim()).filter(Boolean))];
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
