/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) that answers like the five spend APIs, with the shapes
 * from spend-apis.md, and can inject one fault per request. It records every request so tests can check
 * what was sent (auth, query) and that no source ever had two requests in flight.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { SourceKind } from '../../../../src/core/spend/spendTypes';

export type Fault = 'slow' | '401' | '403' | '429' | '500' | 'html' | 'truncated' | 'cut' | 'huge' | 'wrong-type';
export const FAULTS: readonly Fault[] = ['slow', '401', '403', '429', '500', 'html', 'truncated', 'cut', 'huge', 'wrong-type'];

export interface RecordedRequest {
  kind: SourceKind | 'unknown';
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  fault?: Fault;
}

export const SECRETS: Record<SourceKind, string> = {
  tracker: 'trk-SECRET-token-1234567890',
  openai: 'sk-admin-SECRET-openai-abcdef',
  anthropic: 'sk-ant-admin01-SECRET-anthropic',
  litellm: 'sk-litellm-SECRET-virtualkey',
  openrouter: 'sk-or-v1-SECRET-openrouterkey',
};

/** Today's spend the server reports, per kind, in whole cents (so sums compare exactly). */
export type Truth = Record<SourceKind, number>;

const DAY = 86_400_000;

function kindOf(pathname: string): SourceKind | 'unknown' {
  if (pathname.startsWith('/admin/openai-costs/')) return 'tracker';
  if (pathname === '/v1/organization/costs') return 'openai';
  if (pathname === '/v1/organizations/cost_report') return 'anthropic';
  if (pathname === '/user/daily/activity' || pathname === '/key/info') return 'litellm';
  if (pathname === '/api/v1/key') return 'openrouter';
  return 'unknown';
}

export class FakeSpendServer {
  url = '';
  readonly requests: RecordedRequest[] = [];
  /** Chooses a fault for a request (default: none). */
  fault: (request: RecordedRequest) => Fault | undefined = () => undefined;
  retryAfter = '7';
  hugeBytes = 50 * 1024 * 1024;
  /** Bytes of the last huge body actually written, and whether the client went away before the end. */
  hugeWritten = 0;
  hugeAborted = false;
  truthCents: Truth = { tracker: 123, openai: 456, anthropic: 789, litellm: 1011, openrouter: 1213 };
  now: () => number = Date.now;
  readonly maxInFlight: Record<string, number> = {};
  private readonly inFlight: Record<string, number> = {};
  private server?: http.Server;
  private hugeDone?: Promise<void>;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Resolves when the last huge body stopped being written (finished or aborted). */
  hugeFinished(): Promise<void> {
    return this.hugeDone ?? Promise.resolve();
  }

  requestsFor(kind: SourceKind): RecordedRequest[] {
    return this.requests.filter((r) => r.kind === kind);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const kind = kindOf(url.pathname);
    const record: RecordedRequest = { kind, method: req.method ?? 'GET', url, headers: req.headers };
    this.requests.push(record);
    this.inFlight[kind] = (this.inFlight[kind] ?? 0) + 1;
    this.maxInFlight[kind] = Math.max(this.maxInFlight[kind] ?? 0, this.inFlight[kind]);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.inFlight[kind]--;
    };
    res.on('close', finish);
    res.on('finish', finish);

    if (kind === 'unknown') return this.json(res, 404, { error: 'not found' });
    if (!this.authorised(kind, req, url)) return this.json(res, 401, { error: 'bad key' });
    const fault = this.fault(record);
    record.fault = fault;
    switch (fault) {
      case undefined:
        return this.json(res, 200, this.body(kind, url, false));
      case 'slow':
        return; // never answers; the client must give up
      case '401':
      case '403':
      case '500':
        return this.json(res, Number(fault), { error: { message: `fault ${fault}` } });
      case '429':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': this.retryAfter });
        return void res.end('{"error":"slow down"}');
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end('<!doctype html><html><body>Sign in</body></html>');
      case 'truncated': {
        const text = JSON.stringify(this.body(kind, url, false));
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(text.slice(0, Math.floor(text.length / 2)));
      }
      case 'cut': {
        const text = JSON.stringify(this.body(kind, url, false));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        setTimeout(() => res.destroy(), 5);
        return;
      }
      case 'huge':
        return this.streamHuge(res);
      case 'wrong-type':
        return this.json(res, 200, this.body(kind, url, true));
    }
  }

  private authorised(kind: SourceKind, req: http.IncomingMessage, url: URL): boolean {
    const secret = SECRETS[kind];
    if (kind === 'anthropic') return req.headers['x-api-key'] === secret && req.headers['anthropic-version'] === '2023-06-01';
    if (kind === 'tracker' && url.searchParams.get('token') === secret) return true;
    return req.headers.authorization === `Bearer ${secret}`;
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  /** 50 MB of a JSON array, written with backpressure; stops when the client goes away. */
  private streamHuge(res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    this.hugeWritten = 0;
    this.hugeAborted = false;
    const chunk = Buffer.alloc(64 * 1024, '0,');
    this.hugeDone = new Promise<void>((resolve) => {
      let closed = false;
      res.on('close', () => {
        closed = true;
        if (this.hugeWritten < this.hugeBytes) this.hugeAborted = true;
        resolve();
      });
      const pump = () => {
        while (!closed && this.hugeWritten < this.hugeBytes) {
          this.hugeWritten += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!closed) res.end(']');
      };
      res.write('[');
      pump();
    });
  }

  /** The documented shape for the request, carrying `truthCents`; `wrongType` breaks the money field. */
  private body(kind: SourceKind, url: URL, wrongType: boolean): unknown {
    const cents = this.truthCents[kind];
    const dollars = cents / 100;
    const now = this.now();
    const todayStart = now - (now % DAY);
    const todayKey = new Date(todayStart).toISOString().slice(0, 10);
    switch (kind) {
      case 'tracker': {
        const path = url.pathname.slice('/admin/openai-costs'.length);
        if (path === '/today') return { date: todayKey, total_calls: 12, total_tokens: 34000, total_cost: wrongType ? String(dollars) : dollars };
        if (path === '/month') return { month: todayKey.slice(0, 7), total_cost: wrongType ? '892.15' : 892.15, projected_monthly_cost: 1338.23 };
        if (path === '/summary') {
          const key = url.searchParams.get('group_by') === 'endpoint' ? 'endpoint' : 'model';
          const first = Math.floor(cents * 0.6);
          return {
            totals: { total_calls: 523, total_tokens: 125000, total_cost: dollars },
            summary: [
              { [key]: key === 'model' ? 'gpt-3.5-turbo' : '/chat', total_cost: wrongType ? { usd: first } : first / 100 },
              { [key]: key === 'model' ? 'text-embedding-3-small' : '/embed', total_cost: (cents - first) / 100 },
            ],
          };
        }
        if (path === '/pricing') return { 'gpt-4o': { input: 0.0025, output: 0.01 }, 'gpt-4o-mini': { input_cost_per_token: 1.5e-7, output_cost_per_token: 6e-7 } };
        if (path === '/alerts') return { alerts: [{ date: todayKey, total_cost: 61.2, message: `over ${url.searchParams.get('threshold')}` }] };
        return { error: 'unknown' };
      }
      case 'openai': {
        // Page 1: an earlier day (30.00 USD); page 2: today's bucket split over two line items.
        const start = Number(url.searchParams.get('start_time')) * 1000;
        const result = (value: unknown, lineItem: string | null) => ({
          object: 'organization.costs.result', amount: { value, currency: 'usd' }, line_item: lineItem, project_id: null, api_key_id: null, quantity: null, quantity_unit: null,
        });
        if (url.searchParams.get('page') !== 'page_2' && start < todayStart) {
          return {
            object: 'page',
            data: [{ object: 'bucket', start_time: start / 1000, end_time: start / 1000 + 86400, results: [result(wrongType ? '30' : 30, 'gpt-4o-2024-08-06, input')] }],
            has_more: true,
            next_page: 'page_2',
          };
        }
        const first = Math.floor(cents * 0.7);
        return {
          object: 'page',
          data: [{
            object: 'bucket', start_time: todayStart / 1000, end_time: todayStart / 1000 + 86400,
            results: [result(wrongType ? 'lots' : first / 100, 'gpt-4o-2024-08-06, input'), result((cents - first) / 100, 'gpt-4o-mini, output')],
          }],
          has_more: false,
          next_page: null,
        };
      }
      case 'anthropic': {
        const starting = url.searchParams.get('starting_at') ?? '';
        const item = (amount: unknown, model: string | null) => ({
          currency: 'USD', amount, workspace_id: null, description: model ? `${model} output` : null, cost_type: 'tokens', context_window: '0-200k', model, service_tier: 'standard', token_type: 'output_tokens',
        });
        const bucket = (day: string, results: unknown[]) => ({ starting_at: `${day}T00:00:00Z`, ending_at: `${new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10)}T00:00:00Z`, results });
        if (url.searchParams.get('page') !== 'page_2' && starting.slice(0, 10) < todayKey) {
          return { data: [bucket(starting.slice(0, 10), [item(wrongType ? 2500 : '2500.00', 'claude-sonnet-4-20250514')])], has_more: true, next_page: 'page_2' };
        }
        const first = Math.floor(cents * 0.5);
        return {
          data: [bucket(todayKey, [item(wrongType ? first : `${first}.00`, 'claude-sonnet-4-20250514'), item(`${cents - first}.00`, 'claude-haiku-4-5')])],
          has_more: false,
          next_page: null,
        };
      }
      case 'litellm': {
        if (url.pathname === '/key/info') {
          return { key: 'sk-...', info: { key_name: 'sk-...UacA', key_alias: 'vscode-alice', spend: wrongType ? '3.41275' : 3.41275, max_budget: 50.0, budget_duration: '30d', model_spend: {}, metadata: {}, litellm_budget_table: null } };
        }
        const metrics = (spend: unknown) => ({ spend, prompt_tokens: 37, completion_tokens: 9, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, total_tokens: 46, successful_requests: 1, failed_requests: 0, api_requests: 1 });
        const first = Math.floor(cents * 0.8);
        const results = [];
        const startDate = url.searchParams.get('start_date') ?? todayKey;
        if (startDate < todayKey) results.push({ date: startDate, metrics: metrics(2), breakdown: { models: { 'gpt-4o-mini': { metrics: metrics(2), metadata: {}, api_key_breakdown: {} } }, endpoints: {}, providers: {}, model_groups: {}, api_keys: {}, mcp_servers: {}, entities: {} } });
        results.push({
          date: url.searchParams.get('end_date') ?? todayKey,
          metrics: metrics(wrongType ? `${dollars}` : dollars),
          breakdown: {
            models: { 'gpt-4o-mini': { metrics: metrics(first / 100), metadata: {}, api_key_breakdown: {} }, 'gpt-4o': { metrics: metrics((cents - first) / 100), metadata: {}, api_key_breakdown: {} } },
            endpoints: { '/chat/completions': { metrics: metrics(dollars), metadata: {}, api_key_breakdown: {} } },
            providers: { openai: { metrics: { spend: dollars }, metadata: {}, api_key_breakdown: {} } }, model_groups: {}, api_keys: {}, mcp_servers: {}, entities: {},
          },
        });
        return { results, metadata: { total_spend: dollars + 2, page: 1, total_pages: 1, has_more: false } };
      }
      case 'openrouter':
        return {
          data: {
            byok_usage: 17.38, byok_usage_daily: 17.38, byok_usage_monthly: 17.38, byok_usage_weekly: 17.38,
            creator_user_id: 'user_2dHFtVWx2n56w6HkM0000000000', expires_at: '2027-12-31T23:59:59Z', include_byok_in_limit: false,
            is_free_tier: false, is_management_key: false, is_provisioning_key: false, label: 'sk-or-v1-au7...890',
            limit: 100, limit_remaining: 74.5, limit_reset: 'monthly',
            rate_limit: { interval: '1h', note: 'This field is deprecated and safe to ignore.', requests: 1000 },
            usage: 25.5, usage_daily: wrongType ? String(dollars) : dollars, usage_monthly: 25.5, usage_weekly: 25.5,
          },
        };
    }
  }
}

/** Re-exported so fault runs keep importing their PRNG from the fake server. */
export { seededRandom } from '../../../support/seededRandom';
