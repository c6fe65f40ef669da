/**
 * The team's own cost tracker (`/admin/openai-costs/*`). Its `/today` shape is not fixed, so today's cost
 * is read from a configured dotted field or the first natural one present. The token goes in `?token=`
 * (what the original tracker reads) or an `Authorization: Bearer` header. The tracker's day is its own;
 * we label it with the configured zone.
 */
import type { TrackerOptions } from './spendConfig';
import { addTo, roundUsd } from './money';
import { dayKey } from './periods';
import {
  arrayAt,
  badShape,
  isJsonObject,
  numberAt,
  objectAt,
  optionalNumberAt,
  runSource,
  type Json,
  type SourceCall,
  type SourceDeps,
  type SpendSource,
} from './sourceSupport';
import type { SpendResult } from './spendTypes';
import { endpointUrl } from './urlPolicy';

const PREFIX = '/admin/openai-costs';
export const DEFAULT_TODAY_FIELDS = ['total_cost', 'cost', 'spend', 'totals.total_cost', 'totals.cost', 'totals.spend'];

interface TrackerTarget {
  id: string;
  url: string | undefined;
  options: TrackerOptions;
}

function trackerGet(call: SourceCall, options: TrackerOptions, path: string, query: Record<string, string | number> = {}): Promise<unknown> {
  if (options.tokenIn === 'query') return call.get(endpointUrl(call.base, `${PREFIX}${path}`, { ...query, token: call.key.secret }), {});
  return call.get(endpointUrl(call.base, `${PREFIX}${path}`, query), { authorization: `Bearer ${call.key.secret}` });
}

export function trackerSource(id: string, url: string | undefined, options: TrackerOptions, deps: SourceDeps): SpendSource {
  return {
    id,
    kind: 'tracker',
    fetch: () =>
      runSource(id, url, deps, async (call) => {
        // Sequential on purpose: one request at a time per source.
        const todayBody = objectAt(await trackerGet(call, options, '/today'), id, 'the /today answer');
        const today = readTodayCost(todayBody, options.todayField, id);
        let monthToDate: number | null = null;
        let projectedMonth: number | null = null;
        if (options.month) {
          const month = objectAt(await trackerGet(call, options, '/month'), id, 'the /month answer');
          monthToDate = numberAt(month.total_cost, id, '/month total_cost');
          projectedMonth = optionalNumberAt(month.projected_monthly_cost, id, '/month projected_monthly_cost');
        }
        const result: SpendResult = {
          source: id,
          kind: 'tracker',
          today,
          monthToDate,
          projectedMonth,
          byModel: {},
          fetchedAt: call.now,
          day: dayKey(call.now, call.timeZone),
          dayTimeZone: call.timeZone,
        };
        if (options.breakdown) {
          result.byModel = readSummary(await trackerGet(call, options, '/summary', { days: 1, group_by: 'model' }), 'model', id);
          result.byEndpoint = readSummary(await trackerGet(call, options, '/summary', { days: 1, group_by: 'endpoint' }), 'endpoint', id);
        }
        return result;
      }),
  };
}

/** Today's cost from the configured field, else the first default field present. Present but not a number → bad response. */
export function readTodayCost(body: Json, field: string | undefined, id: string): number {
  const candidates = field ? [field] : DEFAULT_TODAY_FIELDS;
  for (const path of candidates) {
    const value = fieldAt(body, path);
    if (value !== undefined) return numberAt(value, id, `/today ${path}`);
  }
  throw badShape(id, field ? `/today has no field ${field}` : `/today has none of ${DEFAULT_TODAY_FIELDS.join(', ')}; set the tracker's todayField option`);
}

function fieldAt(body: Json, path: string): unknown {
  let node: unknown = body;
  for (const part of path.split('.')) {
    if (!isJsonObject(node) || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** `{"summary": [{"model": "gpt-4o", "total_cost": 1.2}, …]}` → `{ "gpt-4o": 1.2 }`. */
function readSummary(raw: unknown, groupKey: 'model' | 'endpoint', id: string): Record<string, number> {
  const body = objectAt(raw, id, `the /summary?group_by=${groupKey} answer`);
  const out: Record<string, number> = {};
  for (const [i, entry] of arrayAt(body.summary, id, 'summary').entries()) {
    const row = objectAt(entry, id, `summary[${i}]`);
    const name = typeof row[groupKey] === 'string' && row[groupKey] ? (row[groupKey] as string) : 'other';
    addTo(out, name, numberAt(row.total_cost ?? row.cost, id, `summary[${i}].total_cost`));
  }
  return out;
}

// ──── Pricing: the tracker's prices, normalised so the editor can lay them over the bundled catalogue ────

/** USD per 1M tokens, the catalogue's unit. */
export interface ModelPricePerMillion {
  input: number;
  output: number;
}
export type TrackerPricing = Record<string, ModelPricePerMillion>;

const UNIT_SCALE: Record<TrackerOptions['pricingUnit'], number> = { per1M: 1, per1K: 1000, perToken: 1_000_000 };

/**
 * `GET /pricing`. Accepts `{model: {input, output}}`, the same inside `pricing`/`models`, or a list of
 * `{model, input, output}`. Field names may carry the unit (`input_per_1k`, `input_cost_per_token`,
 * `input_per_1m`); bare `input`/`output`/`prompt`/`completion` use the `pricingUnit` option.
 */
export async function fetchTrackerPricing(target: TrackerTarget, deps: SourceDeps): Promise<TrackerPricing> {
  return runSource(target.id, target.url, deps, async (call) => {
    const raw = await trackerGet(call, target.options, '/pricing');
    return normaliseTrackerPricing(raw, target.options.pricingUnit, target.id);
  });
}

export function normaliseTrackerPricing(raw: unknown, unit: TrackerOptions['pricingUnit'], id: string): TrackerPricing {
  let entries: [string, unknown][];
  const container = isJsonObject(raw) && (isJsonObject(raw.pricing) || Array.isArray(raw.pricing)) ? raw.pricing : isJsonObject(raw) && (isJsonObject(raw.models) || Array.isArray(raw.models)) ? raw.models : raw;
  if (Array.isArray(container)) {
    entries = container.map((row, i) => {
      const obj = objectAt(row, id, `pricing[${i}]`);
      if (typeof obj.model !== 'string' || !obj.model) throw badShape(id, `pricing[${i}].model is not a string`);
      return [obj.model, obj];
    });
  } else {
    entries = Object.entries(objectAt(container, id, 'the /pricing answer'));
  }
  const out: TrackerPricing = {};
  for (const [model, value] of entries) {
    const row = objectAt(value, id, `pricing.${model}`);
    const input = priceField(row, ['input', 'prompt'], unit, id, model);
    const output = priceField(row, ['output', 'completion'], unit, id, model);
    if (input === null || output === null) throw badShape(id, `pricing.${model} needs an input and an output price`);
    out[model] = { input, output };
  }
  return out;
}

function priceField(row: Json, sides: string[], unit: TrackerOptions['pricingUnit'], id: string, model: string): number | null {
  for (const side of sides) {
    const variants: [string, number][] = [
      [`${side}_per_1m`, 1], [`${side}_cost_per_1m`, 1], [`${side}_per_1m_tokens`, 1],
      [`${side}_per_1k`, 1000], [`${side}_cost_per_1k`, 1000], [`${side}_per_1k_tokens`, 1000],
      [`${side}_per_token`, 1_000_000], [`${side}_cost_per_token`, 1_000_000],
      [side, UNIT_SCALE[unit]], [`${side}_cost`, UNIT_SCALE[unit]], [`${side}_price`, UNIT_SCALE[unit]],
    ];
    for (const [name, scale] of variants) {
      if (row[name] === undefined) continue;
      const v = numberAt(row[name], id, `pricing.${model}.${name}`);
      if (v < 0) throw badShape(id, `pricing.${model}.${name} is negative`);
      return roundUsd(v * scale);
    }
  }
  return null;
}

// ──── Alerts ────

export interface TrackerAlert {
  date: string | null;
  cost: number | null;
  message: string | null;
}

/** `GET /alerts?threshold=USD`: a list (bare or inside `alerts`) of `{date|day, cost|total_cost, message}`. */
export async function fetchTrackerAlerts(target: TrackerTarget, deps: SourceDeps, threshold: number): Promise<TrackerAlert[]> {
  return runSource(target.id, target.url, deps, async (call) => {
    const raw = await trackerGet(call, target.options, '/alerts', { threshold });
    const list = Array.isArray(raw) ? raw : arrayAt(objectAt(raw, target.id, 'the /alerts answer').alerts, target.id, 'alerts');
    return list.map((entry, i) => {
      const row = objectAt(entry, target.id, `alerts[${i}]`);
      const date = row.date ?? row.day;
      return {
        date: typeof date === 'string' ? date : null,
        cost: optionalNumberAt(row.cost ?? row.total_cost, target.id, `alerts[${i}].cost`),
        message: typeof row.message === 'string' ? row.message : null,
      };
    });
  });
}
