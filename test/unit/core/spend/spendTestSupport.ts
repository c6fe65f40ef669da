/** Shared test wiring: Node's fetch behind the core's FetchLike, keys bound to the fake server's origin. */
import type { SourceDeps } from '../../../../src/core/spend/sourceSupport';
import { makeSourceConfig, type SpendSourceConfig } from '../../../../src/core/spend/spendConfig';
import { SpendError, type FetchLike, type SourceKind } from '../../../../src/core/spend/spendTypes';
import { SECRETS, type FakeSpendServer } from './fakeSpendServer';

export const nodeFetch: FetchLike = (url, init) => fetch(url, init) as unknown as ReturnType<FetchLike>;

/** 2026-03-15 12:00 UTC: mid-month, so month-to-date and the 30-day range differ. */
export const FIXED_NOW = Date.UTC(2026, 2, 15, 12, 0, 0);

export function sourceDeps(server: FakeSpendServer, overrides: Partial<SourceDeps> = {}): SourceDeps {
  const origin = new URL(server.url).origin;
  return {
    fetch: nodeFetch,
    getKey: (sourceId) => ({ secret: SECRETS[sourceId as SourceKind], origin }),
    timeoutMs: 300,
    now: () => FIXED_NOW,
    ...overrides,
  };
}

export function configFor(kind: SourceKind, server: FakeSpendServer, options?: unknown): SpendSourceConfig {
  return makeSourceConfig(kind, server.url, options);
}

export async function rejection(promise: Promise<unknown>): Promise<SpendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpendError) return error;
    throw new Error(`expected a SpendError, got ${String(error)}`);
  }
  throw new Error('expected a rejection, got a result');
}

export function assertNoSecret(text: string): void {
  for (const secret of Object.values(SECRETS)) {
    if (text.includes(secret) || text.includes(encodeURIComponent(secret))) throw new Error(`a key leaked into: ${text}`);
  }
}
