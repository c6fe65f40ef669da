/** Model-assisted compression against a real HTTP server on 127.0.0.1 (never any other address). */
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { modelAssistedCompress } from '../../../../src/core/compress/modelAssisted';

interface Received {
  url: string;
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[] };
}

suite('modelAssistedCompress (loopback server)', () => {
  let server: http.Server;
  let base: string;
  let reply: (prompt: string) => { status: number; content: string };
  const received: Received[] = [];

  suiteSetup(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const body = JSON.parse(raw) as Received['body'];
        received.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
        const { status, content } = reply(body.messages[body.messages.length - 1].content);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'cmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  suiteTeardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  setup(() => (received.length = 0));

  const prompt = 'I would like you to please carefully read the following article about {topic} and then write a summary of it in no more than 3 sentences.\n\n{article}';

  test('offers a compression that keeps the placeholders and spans', async () => {
    reply = () => ({ status: 200, content: 'Summarize this article about {topic} in at most 3 sentences.\n\n{article}' });
    const r = await modelAssistedCompress(prompt, { endpoint: base, apiKey: 'test-key', model: 'small-model', fetch, placeholderSyntaxes: ['format'] });
    assert.strictEqual(r.refused, null);
    assert.strictEqual(r.compressed, 'Summarize this article about {topic} in at most 3 sentences.\n\n{article}');
    assert.ok(r.tokensAfter < r.tokensBefore);
    assert.deepStrictEqual(r.passes.map((p) => p.name), ['model']);
    assert.deepStrictEqual(r.placeholders, ['topic', 'article']);
    assert.strictEqual(received[0].url, '/v1/chat/completions');
    assert.strictEqual(received[0].authorization, 'Bearer test-key');
    assert.strictEqual(received[0].body.model, 'small-model');
    assert.strictEqual(received[0].body.messages[1].content, prompt);
  });

  test('refuses an answer that drops a placeholder', async () => {
    reply = () => ({ status: 200, content: 'Summarize the article about {topic} in at most 3 sentences.' });
    const r = await modelAssistedCompress(prompt, { endpoint: base, model: 'small-model', fetch, placeholderSyntaxes: ['format'] });
    assert.match(r.refused ?? '', /placeholder \{article\} lost/);
    assert.strictEqual(r.compressed, prompt);
    assert.strictEqual(r.tokensAfter, r.tokensBefore);
  });

  test('refuses an answer that changes a number, and unwraps a fenced answer', async () => {
    reply = () => ({ status: 200, content: '```\nSummarize this article about {topic} in at most three sentences.\n\n{article}\n```' });
    const r = await modelAssistedCompress(prompt, { endpoint: `${base}/chat/completions`, model: 'm', fetch, placeholderSyntaxes: ['format'] });
    assert.match(r.refused ?? '', /protected number/);
  });

  test('an HTTP error becomes a refusal, not an exception', async () => {
    reply = () => ({ status: 500, content: '' });
    const r = await modelAssistedCompress(prompt, { endpoint: base, model: 'm', fetch });
    assert.match(r.refused ?? '', /HTTP 500/);
  });
});
