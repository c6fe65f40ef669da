/**
 * Anthropic Admin cost report: `GET /v1/organizations/cost_report`, 1-day UTC buckets grouped by
 * description (which fills `model`). `amount` is a decimal STRING in cents. Headers `x-api-key` and
 * `anthropic-version`. Anthropic counts days in UTC only, so this source's "today" is the UTC day.
 */
import type { AnthropicOptions } from './spendConfig';
import { addTo, roundUsd } from './money';
import { dayKey } from './periods';
import { arrayAt, badShape, MAX_PAGES, objectAt, runSource, stringAt, type SourceDeps, type SpendSource } from './sourceSupport';
import type { DailySpend } from './spendTypes';
import { endpointUrl } from './urlPolicy';
import { utcDayRange, utcDayTotals } from './utcDays';

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function anthropicSource(id: string, url: string | undefined, options: AnthropicOptions, deps: SourceDeps): SpendSource {
  return {
    id,
    kind: 'anthropic',
    fetch: () =>
      runSource(id, url, deps, async (call) => {
        const range = utcDayRange(call.now);
        const { today, first } = range;
        const days = new Map<string, DailySpend>();
        let page: string | undefined;
        for (let n = 0; ; n++) {
          if (n === MAX_PAGES) throw badShape(id, `more than ${MAX_PAGES} pages of costs`);
          const query = { starting_at: `${first}T00:00:00Z`, bucket_width: '1d', limit: 31, 'group_by[]': 'description', page };
          const body = objectAt(
            await call.get(endpointUrl(call.base, '/v1/organizations/cost_report', query), {
              'x-api-key': call.key.secret,
              'anthropic-version': options.version,
              'user-agent': 'prompt-cost-lens',
            }),
            id,
            'the answer',
          );
          for (const [i, rawBucket] of arrayAt(body.data, id, 'data').entries()) {
            const bucket = objectAt(rawBucket, id, `data[${i}]`);
            const startMs = Date.parse(stringAt(bucket.starting_at, id, `data[${i}].starting_at`));
            if (Number.isNaN(startMs)) throw badShape(id, `data[${i}].starting_at is not a date`);
            const date = dayKey(startMs, 'UTC');
            const day = days.get(date) ?? { date, total: 0, byModel: {} };
            days.set(date, day);
            for (const [j, rawItem] of arrayAt(bucket.results, id, `data[${i}].results`).entries()) {
              const where = `data[${i}].results[${j}]`;
              const item = objectAt(rawItem, id, where);
              const amount = stringAt(item.amount, id, `${where}.amount`).trim();
              if (!DECIMAL.test(amount)) throw badShape(id, `${where}.amount '${amount.slice(0, 20)}' is not a decimal`);
              if (typeof item.currency === 'string' && item.currency.toUpperCase() !== 'USD') throw badShape(id, `${where} is in ${item.currency}, not USD`);
              const dollars = Number(amount) / 100; // cents → dollars
              day.total = roundUsd(day.total + dollars);
              const model = typeof item.model === 'string' && item.model ? item.model : typeof item.description === 'string' && item.description ? item.description : 'other';
              addTo(day.byModel, model, dollars);
            }
          }
          if (body.has_more !== true) break;
          if (typeof body.next_page !== 'string' || body.next_page === '') throw badShape(id, 'has_more without a next_page cursor');
          page = body.next_page;
        }
        const { sorted, todays, monthToDate, projectedMonth } = utcDayTotals(days, range, call.now);
        return {
          source: id,
          kind: 'anthropic' as const,
          today: todays?.total ?? 0,
          monthToDate,
          projectedMonth,
          byModel: { ...(todays?.byModel ?? {}) },
          daily: sorted.slice(-30),
          fetchedAt: call.now,
          day: today,
          dayTimeZone: 'UTC',
        };
      }),
  };
}
