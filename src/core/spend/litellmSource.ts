/**
 * LiteLLM proxy: `GET /user/daily/activity` (UTC `YYYY-MM-DD` days, per-model breakdown, paged) for today,
 * month-to-date and the chart; `GET /key/info` for the key's budget. Bearer auth with a virtual key.
 */
import type { LiteLlmOptions } from './spendConfig';
import { addTo, roundUsd } from './money';
import {
  arrayAt,
  badShape,
  isJsonObject,
  MAX_PAGES,
  numberAt,
  objectAt,
  optionalNumberAt,
  runSource,
  stringAt,
  type Json,
  type SourceDeps,
  type SpendSource,
} from './sourceSupport';
import type { DailySpend, KeyBudget, SpendResult } from './spendTypes';
import { endpointUrl } from './urlPolicy';
import { utcDayRange, utcDayTotals } from './utcDays';

export function liteLlmSource(id: string, url: string | undefined, options: LiteLlmOptions, deps: SourceDeps): SpendSource {
  return {
    id,
    kind: 'litellm',
    fetch: () =>
      runSource(id, url, deps, async (call) => {
        const auth = { authorization: `Bearer ${call.key.secret}` };
        const range = utcDayRange(call.now);
        const { today, first } = range;
        const days = new Map<string, DailySpend & { byEndpoint: Record<string, number> }>();
        for (let page = 1; ; page++) {
          if (page > MAX_PAGES) throw badShape(id, `more than ${MAX_PAGES} pages of daily activity`);
          const query = { start_date: first, end_date: today, page, page_size: 1000 };
          const body = objectAt(await call.get(endpointUrl(call.base, '/user/daily/activity', query), auth), id, 'the answer');
          for (const [i, raw] of arrayAt(body.results, id, 'results').entries()) {
            const where = `results[${i}]`;
            const row = objectAt(raw, id, where);
            const date = stringAt(row.date, id, `${where}.date`).slice(0, 10);
            if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw badShape(id, `${where}.date is not YYYY-MM-DD`);
            const spend = numberAt(objectAt(row.metrics, id, `${where}.metrics`).spend, id, `${where}.metrics.spend`);
            const day = days.get(date) ?? { date, total: 0, byModel: {}, byEndpoint: {} };
            days.set(date, day);
            day.total = roundUsd(day.total + spend);
            const breakdown = row.breakdown === undefined || row.breakdown === null ? {} : objectAt(row.breakdown, id, `${where}.breakdown`);
            readBreakdown(breakdown.models, day.byModel, id, `${where}.breakdown.models`);
            readBreakdown(breakdown.endpoints, day.byEndpoint, id, `${where}.breakdown.endpoints`);
          }
          const meta = isJsonObject(body.metadata) ? body.metadata : {};
          if (meta.has_more !== true) break;
        }
        let budget: KeyBudget | undefined;
        if (options.keyInfo) {
          const body = objectAt(await call.get(endpointUrl(call.base, '/key/info'), auth), id, 'the /key/info answer');
          const info = objectAt(body.info, id, 'info');
          const spend = numberAt(info.spend, id, 'info.spend');
          const limit = optionalNumberAt(info.max_budget, id, 'info.max_budget');
          if (limit !== null) budget = { limit, spend };
        }
        const { sorted, todays, monthToDate, projectedMonth } = utcDayTotals(days, range, call.now);
        const result: SpendResult = {
          source: id,
          kind: 'litellm',
          today: todays?.total ?? 0,
          monthToDate,
          projectedMonth,
          byModel: { ...(todays?.byModel ?? {}) },
          byEndpoint: { ...(todays?.byEndpoint ?? {}) },
          daily: sorted.slice(-30).map((d) => ({ date: d.date, total: d.total, byModel: d.byModel })),
          fetchedAt: call.now,
          day: today,
          dayTimeZone: 'UTC',
        };
        if (budget) result.budget = budget;
        return result;
      }),
  };
}

/** `{ name: { metrics: { spend } } }` → adds each spend under its name. */
function readBreakdown(raw: unknown, into: Record<string, number>, id: string, where: string): void {
  if (raw === undefined || raw === null) return;
  for (const [name, entry] of Object.entries(objectAt(raw, id, where) as Json)) {
    const metrics = objectAt(objectAt(entry, id, `${where}.${name}`).metrics, id, `${where}.${name}.metrics`);
    addTo(into, name, numberAt(metrics.spend, id, `${where}.${name}.metrics.spend`));
  }
}
