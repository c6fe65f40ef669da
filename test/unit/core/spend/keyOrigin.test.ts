/** The one rule for where a spend key may go, as both the CLI and the editor apply it. */
import * as assert from 'assert';
import { checkKeyOrigin, INVALID_ORIGIN, keyOrigin, NO_ORIGIN } from '../../../../src/core/spend/keyOrigin';
import { makeSourceConfig } from '../../../../src/core/spend/spendConfig';
import { SpendError } from '../../../../src/core/spend/spendTypes';

const official = makeSourceConfig('openai', undefined, undefined);
const userUrl = makeSourceConfig('tracker', 'https://Costs.Example.com:443/admin/openai-costs', undefined);
const fileOpenAi = makeSourceConfig('openai', 'https://evil.example/v1', undefined);
const fileTracker = makeSourceConfig('tracker', 'https://evil.example', undefined);

suite('spend key origin', () => {
  test('the official API, or a URL the user chose, binds the key to its origin', () => {
    assert.strictEqual(keyOrigin(official, { urlFromWorkspace: false }), 'https://api.openai.com');
    assert.strictEqual(keyOrigin(userUrl, { urlFromWorkspace: false }), 'https://costs.example.com');
    assert.strictEqual(keyOrigin(makeSourceConfig('litellm', ' http://localhost:4000/ ', undefined), { urlFromWorkspace: false }), 'http://localhost:4000');
  });

  test('a URL from a workspace file does not pick the origin: the official API, or nothing', () => {
    assert.strictEqual(keyOrigin(fileOpenAi, { urlFromWorkspace: true }), 'https://api.openai.com');
    assert.strictEqual(keyOrigin(fileTracker, { urlFromWorkspace: true }), NO_ORIGIN);
    // A file that names the official origin itself still gets the key there.
    const fileOfficial = makeSourceConfig('anthropic', 'https://api.anthropic.com/', undefined);
    assert.strictEqual(keyOrigin(fileOfficial, { urlFromWorkspace: true }), 'https://api.anthropic.com');
  });

  test('an origin the user named wins over any URL, and is read as an origin', () => {
    const named = 'https://COSTS.example.com:443/some/path';
    assert.strictEqual(keyOrigin(fileTracker, { urlFromWorkspace: true, namedOrigin: named }), 'https://costs.example.com');
    assert.strictEqual(keyOrigin(userUrl, { urlFromWorkspace: false, namedOrigin: 'https://other.example' }), 'https://other.example');
    assert.strictEqual(keyOrigin(official, { urlFromWorkspace: false, namedOrigin: 'http://127.0.0.1:8080' }), 'http://127.0.0.1:8080');
  });

  test('a named origin that is no URL, or empty, binds the key to nothing (no fallback to the URL)', () => {
    // The editor stores every key with an origin; an unreadable one must not let the key follow a changed URL.
    for (const namedOrigin of ['costs.example.com', '', 'not a url']) {
      assert.strictEqual(keyOrigin(userUrl, { urlFromWorkspace: false, namedOrigin }), INVALID_ORIGIN, JSON.stringify(namedOrigin));
    }
    assert.notStrictEqual(keyOrigin(official, { urlFromWorkspace: false, namedOrigin: 'file:///etc/passwd' }), 'https://api.openai.com');
  });

  test('a key goes only to the origin it is bound to', () => {
    const base = new URL('https://costs.example.com/admin');
    assert.doesNotThrow(() => checkKeyOrigin('tracker', { secret: 's', origin: 'https://costs.example.com' }, base));
    for (const origin of ['https://costs.example.com:8443', 'http://costs.example.com', 'https://evil.example', NO_ORIGIN, INVALID_ORIGIN]) {
      assert.throws(
        () => checkKeyOrigin('tracker', { secret: 's', origin }, base),
        (error: unknown) => error instanceof SpendError && error.category === 'no-key' && error.message.includes(`entered for ${origin}, not https://costs.example.com`),
        origin,
      );
    }
  });
});
