/**
 * OpenRouter: `GET /api/v1/key` for the current key: `usage_daily` (current UTC day), `usage_monthly`,
 * `limit` and `limit_remaining`. No per-model split. Bearer auth with an ordinary key.
 */
import type { OpenRouterOptions } from './spendConfig';
import { roundUsd } from './money';
import { dayKey, projectMonth } from './periods';
import { badShape, numberAt, objectAt, optionalNumberAt, runSource, type SourceDeps, type SpendSource } from './sourceSupport';
import type { SpendResult } from './spendTypes';
import { endpointUrl } from './urlPolicy';

export function openRouterSource(id: string, url: string | undefined, _options: OpenRouterOptions, deps: SourceDeps): SpendSource {
  return {
    id,
    kind: 'openrouter',
    fetch: () =>
      runSource(id, url, deps, async (call) => {
        const body = objectAt(await call.get(endpointUrl(call.base, '/api/v1/key'), { authorization: `Bearer ${call.key.secret}` }), id, 'the answer');
        const data = objectAt(body.data, id, 'data');
        if (data.usage_daily === undefined) throw badShape(id, 'data.usage_daily is missing (an old API version?); cannot tell today\'s spend');
        const today = numberAt(data.usage_daily, id, 'data.usage_daily');
        const monthToDate = optionalNumberAt(data.usage_monthly, id, 'data.usage_monthly');
        const limit = optionalNumberAt(data.limit, id, 'data.limit');
        const remaining = optionalNumberAt(data.limit_remaining, id, 'data.limit_remaining');
        const usage = optionalNumberAt(data.usage, id, 'data.usage');
        const result: SpendResult = {
          source: id,
          kind: 'openrouter',
          today,
          monthToDate,
          projectedMonth: monthToDate === null ? null : roundUsd(projectMonth(monthToDate, call.now, 'UTC')),
          byModel: {},
          fetchedAt: call.now,
          day: dayKey(call.now, 'UTC'),
          dayTimeZone: 'UTC',
        };
        if (limit !== null) {
          // A limit that resets (e.g. monthly) is measured by what remains; otherwise by all-time usage.
          const spend = remaining !== null ? roundUsd(limit - remaining) : usage;
          if (spend !== null) result.budget = { limit, spend };
        }
        return result;
      }),
  };
}
