// A cost tracker (`/admin/openai-costs/*`) on 127.0.0.1 that records every request it gets, headers and
// body included. Shared by the spend tests in the extension host (test/integration/suite/spend.test.ts) and
// by runOffline.mjs, which starts a user's tracker and an "attacker" one before code-server for the
// restricted-mode run (test/integration/untrusted/), so that even a request made during activation is seen.
import * as http from 'http';
import type { AddressInfo } from 'net';

/** A model name a hostile tracker could serve: a Markdown command link if rendered as trusted Markdown. */
export const HOSTILE_MODEL_NAME = '[pwn](command:workbench.action.terminal.new)';

/** Answers the requests recorded so far as JSON (a test in the extension host reads them here); not recorded itself. */
export const RECORDED_REQUESTS_PATH = '/__recorded-requests';

/** One request as the server saw it: every place a key could travel in. */
export interface RecordedRequest {
  method: string;
  /** The Host header: which URL the client meant (two origins can share one server). */
  host: string;
  path: string;
  /** Path and query as sent. */
  url: string;
  /** The `?token=` query parameter, if any. */
  token: string | null;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** True when `secret` appears anywhere in the request: URL (raw or decoded), a header value, the body. */
export function carriesSecret(request: RecordedRequest, secret: string): boolean {
  const places = [request.url, safeDecode(request.url), request.body, ...Object.values(request.headers).flat().map(String)];
  for (const header of [request.headers.authorization].flat()) {
    const basic = /^Basic\s+(\S+)/i.exec(header ?? '');
    if (basic) places.push(Buffer.from(basic[1], 'base64').toString('utf8'));
  }
  return places.some((place) => place.includes(secret));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export class LoopbackTracker {
  today = 1;
  monthToDate = 20;
  failWith500 = false;
  readonly requests: RecordedRequest[] = [];
  url = '';
  private readonly server = http.createServer((req, res) => this.receive(req, res));

  /** `token`: the only key this tracker accepts (anything else gets a 401). */
  constructor(private readonly token: string) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
  }

  private handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, answer: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    };
    if (url.pathname === RECORDED_REQUESTS_PATH) return send(200, this.requests);
    const token = url.searchParams.get('token');
    this.requests.push({ method: req.method ?? '', host: req.headers.host ?? '', path: url.pathname, url: req.url ?? '', token, headers: req.headers, body });
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token !== this.token && bearer !== this.token) return send(401, { error: 'bad token' });
    if (this.failWith500) return send(500, { error: 'boom' });
    switch (url.pathname.replace(/^.*(?=\/admin\/openai-costs\/)/, '')) {
      case '/admin/openai-costs/today':
        return send(200, { date: new Date().toISOString().slice(0, 10), total_cost: this.today });
      case '/admin/openai-costs/month':
        return send(200, { month: new Date().toISOString().slice(0, 7), total_cost: this.monthToDate, projected_monthly_cost: this.monthToDate * 2 });
      case '/admin/openai-costs/pricing':
        return send(200, { 'gpt-4o': { input_per_1k: 0.002, output_per_1k: 0.008 }, 'team-model': { input: 0.001, output: 0.002 } });
      case '/admin/openai-costs/summary':
        if (url.searchParams.get('group_by') === 'endpoint') return send(200, { summary: [{ endpoint: '/chat', total_cost: this.today }] });
        return send(200, { summary: [{ model: 'gpt-4o', total_cost: this.today - 0.25 }, { model: HOSTILE_MODEL_NAME, total_cost: 0.25 }] });
      default:
        return send(404, { error: 'not found' });
    }
  }
}
