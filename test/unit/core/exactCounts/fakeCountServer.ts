/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) that answers like Anthropic's `count_tokens` and
 * Gemini's `countTokens`, in the shapes of spend-apis.md section e, and can inject one fault per request.
 * It checks what the documented requests must carry (method, path, auth header, version header, JSON body
 * with the required fields) and answers 400 otherwise, so a wrong request fails the test that sent it. The
 * count it answers is deterministic: 3 per message + 1 per word, + 5 per tool, + 2 for a system text.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export type CountFault = '401' | '429' | '500' | 'slow' | 'malformed' | 'html' | 'negative';

export const ANTHROPIC_KEY = 'sk-ant-api03-SECRET-count-key-0123456789';
export const GEMINI_KEY = 'AIzaSy-SECRET-gemini-count-key-98765';

export interface RecordedCount {
  provider: 'anthropic' | 'gemini' | 'unknown';
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  at: number;
  fault?: CountFault;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** What the fake counts for an Anthropic body: the documented fields only. */
export function anthropicTruth(body: { system?: string | { text: string }[]; messages: { content: string | { text: string }[] }[]; tools?: unknown[] }): number {
  const text = (content: string | { text: string }[]) => (typeof content === 'string' ? content : content.map((b) => b.text).join(' '));
  const system = body.system === undefined ? 0 : 2 + words(text(body.system));
  return system + body.messages.reduce((sum, m) => sum + 3 + words(text(m.content)), 0) + 5 * (body.tools?.length ?? 0);
}

type GeminiContent = { parts: { text: string }[] };

/** What the fake counts for a Gemini body (`contents`, or `generateContentRequest`). */
export function geminiTruth(body: { contents?: GeminiContent[]; generateContentRequest?: { contents: GeminiContent[]; systemInstruction?: GeminiContent; tools?: { functionDeclarations: unknown[] }[] } }): number {
  const request = body.generateContentRequest ?? { contents: body.contents ?? [] };
  const text = (c: GeminiContent) => c.parts.map((p) => p.text).join(' ');
  const system = request.systemInstruction ? 2 + words(text(request.systemInstruction)) : 0;
  const tools = (request.tools ?? []).reduce((sum, t) => sum + 5 * t.functionDeclarations.length, 0);
  return system + request.contents.reduce((sum, c) => sum + 3 + words(text(c)), 0) + tools;
}

export class FakeCountServer {
  url = '';
  readonly requests: RecordedCount[] = [];
  fault: (request: RecordedCount) => CountFault | undefined = () => undefined;
  retryAfter: string | null = '1';
  slowMs = 2000;
  private server?: http.Server;

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

  requestsFor(provider: RecordedCount['provider']): RecordedCount[] {
    return this.requests.filter((r) => r.provider === provider);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        // left null: answered 400 below
      }
      const provider = path === '/v1/messages/count_tokens' ? 'anthropic' : /^\/v1beta\/models\/[^/]+:countTokens$/.test(path) ? 'gemini' : 'unknown';
      const recorded: RecordedCount = { provider, method: req.method ?? '', path, headers: req.headers, body, at: Date.now() };
      recorded.fault = this.fault(recorded);
      this.requests.push(recorded);
      this.answer(recorded, res);
    });
  }

  private answer(r: RecordedCount, res: http.ServerResponse): void {
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (r.provider === 'unknown') return json(404, { error: { type: 'not_found_error' } });
    if (r.method !== 'POST' || !String(r.headers['content-type']).startsWith('application/json')) return json(400, { error: 'POST application/json expected' });
    const keyOk = r.provider === 'anthropic' ? r.headers['x-api-key'] === ANTHROPIC_KEY && r.headers['anthropic-version'] === '2023-06-01' : r.headers['x-goog-api-key'] === GEMINI_KEY;
    if (!keyOk || r.fault === '401') return json(401, { error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    if (r.fault === '429') return json(429, { error: { type: 'rate_limit_error' } }, this.retryAfter === null ? {} : { 'retry-after': this.retryAfter });
    if (r.fault === '500') return json(500, { error: { type: 'api_error' } });
    if (r.fault === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html><body>Sign in</body></html>');
    }
    if (r.fault === 'slow') return void setTimeout(() => json(200, { input_tokens: 1, totalTokens: 1 }), this.slowMs);
    if (r.fault === 'malformed') return json(200, r.provider === 'anthropic' ? { tokens: 12 } : { total: 12 });
    const body = r.body as Record<string, unknown> | null;
    if (r.provider === 'anthropic') {
      if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0 || 'max_tokens' in body) return json(400, { error: { type: 'invalid_request_error' } });
      const tokens = anthropicTruth(body as Parameters<typeof anthropicTruth>[0]);
      return json(200, { input_tokens: r.fault === 'negative' ? -tokens : tokens });
    }
    const request = (body?.generateContentRequest ?? body) as Record<string, unknown> | null;
    const exclusive = body && !(body.contents !== undefined && body.generateContentRequest !== undefined);
    const modelOk = body?.generateContentRequest === undefined || (request?.model === `models/${decodeURIComponent(r.path.split('/')[3].replace(/:countTokens$/, ''))}`);
    if (!exclusive || !request || !Array.isArray(request.contents) || request.contents.length === 0 || !modelOk) return json(400, { error: { status: 'INVALID_ARGUMENT' } });
    const tokens = geminiTruth(body as Parameters<typeof geminiTruth>[0]);
    return json(200, { totalTokens: r.fault === 'negative' ? -tokens : tokens, promptTokensDetails: [{ modality: 'TEXT', tokenCount: tokens }] });
  }
}
