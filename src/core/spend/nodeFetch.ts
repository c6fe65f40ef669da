/**
 * Node's global `fetch` (undici, Node 18+) behind the core's `FetchLike`. Host-agnostic: the CLI and the
 * editor's extension host (also Node) use the same adapter, so both send exactly the same requests.
 */
import type { FetchLike } from './spendTypes';

export const nodeFetch: FetchLike = (url, init) => fetch(url, init) as unknown as ReturnType<FetchLike>;
