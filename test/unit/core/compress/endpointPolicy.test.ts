import * as assert from 'assert';
import { endpointProblem, keyOriginFor, keyOriginProblem, parseBoundKey } from '../../../../src/core/compress/endpointPolicy';

suite('compression key binding', () => {
  test('a key is bound to the origin of the endpoint it was entered for', () => {
    assert.strictEqual(keyOriginFor(' https://api.example.com/v1/ '), 'https://api.example.com');
    assert.strictEqual(keyOriginFor('http://127.0.0.1:11434/v1'), 'http://127.0.0.1:11434');
    assert.strictEqual(keyOriginFor('http://models.example.com/v1'), null, 'plain HTTP off this machine is refused, so nothing binds to it');
    assert.strictEqual(keyOriginFor(''), null);
  });

  test('it may go to any path of that origin, and to no other origin', () => {
    const key = { secret: 'sk-1', origin: 'https://api.example.com' };
    assert.strictEqual(keyOriginProblem(key, 'https://api.example.com/v2/chat/completions'), null);
    assert.match(keyOriginProblem(key, 'https://api.example.com:8443/v1') ?? '', /saved for https:\/\/api\.example\.com, not https:\/\/api\.example\.com:8443/);
    assert.match(keyOriginProblem(key, 'https://collector.example.net/v1') ?? '', /set it again/);
    assert.match(keyOriginProblem(key, 'http://api.example.com/v1') ?? '', /not http:\/\/api\.example\.com\/v1/, 'a downgraded scheme is another origin');
  });

  test('stored entries: bound keys read back; raw keys from before binding, and junk, read as none', () => {
    assert.deepStrictEqual(parseBoundKey('{"secret":"sk-1","origin":"https://api.example.com"}'), { secret: 'sk-1', origin: 'https://api.example.com' });
    assert.strictEqual(parseBoundKey('sk-raw-key-from-before'), null);
    assert.strictEqual(parseBoundKey('{"secret":"sk-1"}'), null);
    assert.strictEqual(parseBoundKey(undefined), null);
  });
});

suite('model-assisted endpoint policy', () => {
  test('HTTPS anywhere, HTTP only to loopback', () => {
    assert.strictEqual(endpointProblem('https://api.example.com/v1'), null);
    assert.strictEqual(endpointProblem('http://localhost:11434/v1'), null);
    assert.strictEqual(endpointProblem('http://127.0.0.1:8080/v1/chat/completions'), null);
    assert.strictEqual(endpointProblem('http://[::1]:8080/v1'), null);
    assert.match(endpointProblem('http://api.example.com/v1')!, /not allowed/);
    assert.match(endpointProblem('http://10.0.0.5/v1')!, /not allowed/);
    assert.match(endpointProblem('ftp://localhost/x')!, /not allowed/);
    assert.match(endpointProblem('not a url')!, /not a URL/);
  });
});
