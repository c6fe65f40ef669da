/**
 * OpenAI Admin Costs API: `GET /v1/organization/costs`, 1-day buckets from the earlier of the month's
 * start and 29 days ago, so one paged read gives today, month-to-date and a 30-day chart.
 * `amount.value` is in dollars. Needs an Admin key (Bearer).
 */
import type { OpenAiOptions } from './spendConfig';
import { addTo, roundUsd } from './money';
import { DAY_MS, dayKey, projectMonth, startOfDay, startOfMonth } from './periods';
import {
  arrayAt,
  badShape,
  MAX_PAGES,
  numberAt,
  objectAt,
  runSource,
  type SourceDeps,
  type SpendSource,
} from './sourceSupport';
import type { DailySpend, SpendResult } from './spendTypes';
import { endpointUrl } from './urlPolicy';

export function openAiSource(id: string, url: string | undefined, options: OpenAiOptions, deps: SourceDeps): SpendSource {
  return {
    id,
    kind: 'openai',
    fetch: () =>
      runSource(id, url, deps, async (call) => {
        const todayStart = startOfDay(call.now, call.timeZone);
        const monthStart = startOfMonth(call.now, call.timeZone);
        const rangeStart = Math.min(monthStart, startOfDay(todayStart - 29 * DAY_MS + DAY_MS / 2, call.timeZone));
        const days = new Map<number, DailySpend>();
        let page: string | undefined;
        for (let n = 0; ; n++) {
          if (n === MAX_PAGES) throw badShape(id, `more than ${MAX_PAGES} pages of costs`);
          const query: Record<string, string | number | undefined> = { start_time: Math.floor(rangeStart / 1000), bucket_width: '1d', limit: 31, page };
          if (options.groupByLineItem) query['group_by[]'] = 'line_item';
          const body = objectAt(await call.get(endpointUrl(call.base, '/v1/organization/costs', query), { authorization: `Bearer ${call.key.secret}` }), id, 'the answer');
          for (const [i, rawBucket] of arrayAt(body.data, id, 'data').entries()) {
            const bucket = objectAt(rawBucket, id, `data[${i}]`);
            const start = numberAt(bucket.start_time, id, `data[${i}].start_time`) * 1000;
            const day = days.get(start) ?? { date: dayKey(start, call.timeZone), total: 0, byModel: {} };
            days.set(start, day);
            for (const [j, rawResult] of arrayAt(bucket.results, id, `data[${i}].results`).entries()) {
              const where = `data[${i}].results[${j}]`;
              const result = objectAt(rawResult, id, where);
              if (result.amount === undefined || result.amount === null) continue; // only `object` is required
              const amount = objectAt(result.amount, id, `${where}.amount`);
              const value = numberAt(amount.value, id, `${where}.amount.value`);
              if (typeof amount.currency === 'string' && amount.currency.toLowerCase() !== 'usd') {
                throw badShape(id, `${where} is in ${amount.currency}, not USD`);
              }
              day.total = roundUsd(day.total + value);
              addTo(day.byModel, modelOfLineItem(result.line_item), value);
            }
          }
          if (body.has_more !== true) break;
          if (typeof body.next_page !== 'string' || body.next_page === '') throw badShape(id, 'has_more without a next_page cursor');
          page = body.next_page;
        }
        const sorted = [...days.entries()].sort((a, b) => a[0] - b[0]);
        const today = sorted.filter(([start]) => start >= todayStart && start < todayStart + DAY_MS);
        const month = sorted.filter(([start]) => start >= monthStart);
        const byModel: Record<string, number> = {};
        for (const [, d] of today) for (const [m, v] of Object.entries(d.byModel)) addTo(byModel, m, v);
        const monthToDate = roundUsd(month.reduce((s, [, d]) => s + d.total, 0));
        const result: SpendResult = {
          source: id,
          kind: 'openai',
          today: roundUsd(today.reduce((s, [, d]) => s + d.total, 0)),
          monthToDate,
          projectedMonth: roundUsd(projectMonth(monthToDate, call.now, call.timeZone)),
          byModel,
          daily: sorted.map(([, d]) => d).slice(-30),
          fetchedAt: call.now,
          day: dayKey(call.now, call.timeZone),
          dayTimeZone: call.timeZone,
        };
        return result;
      }),
  };
}

/** `"gpt-4o-2024-08-06, input"` → `gpt-4o-2024-08-06`; no line item → `other`. */
function modelOfLineItem(lineItem: unknown): string {
  if (typeof lineItem !== 'string' || lineItem.trim() === '') return 'other';
  return lineItem.split(',')[0].trim();
}
