/**
 * Downloads a price file with Node's own http/https (no dependency; in the editor VS Code's proxy support
 * applies to them). Every hop is checked against the source rules (https, or http to this machine), so a
 * redirect cannot lead somewhere a configured URL could not; the size cap is enforced while the body
 * streams in (a lying or absent Content-Length changes nothing), and one deadline covers the whole exchange.
 */
import * as http from 'http';
import * as https from 'https';
import { checkDownloadUrl, describeSourceUrl, PriceSourceError } from './priceSource';

export interface DownloadLimits {
  /** The body is refused past this many bytes. */
  maxBytes: number;
  /** For everything, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
}

/** LiteLLM's file is ≈ 1.5 MB: 20 MB leaves room for growth and stops a runaway response. */
export const DEFAULT_DOWNLOAD_LIMITS: Readonly<DownloadLimits> = Object.freeze({ maxBytes: 20 * 1024 * 1024, timeoutMs: 60_000, maxRedirects: 5 });

export interface Downloaded {
  bytes: Buffer;
  /** The server's Last-Modified, when it sent a valid one. */
  lastModified: Date | null;
  /** The URL the body came from, after redirects. */
  finalUrl: URL;
}

/** A download that failed; the message says at which URL and why. */
export class PriceDownloadError extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function downloadPriceFile(url: URL, limits: Partial<DownloadLimits> = {}): Promise<Downloaded> {
  const { maxBytes, timeoutMs, maxRedirects } = { ...DEFAULT_DOWNLOAD_LIMITS, ...limits };
  return new Promise<Downloaded>((resolve, reject) => {
    let current: http.ClientRequest | undefined;
    let settled = false;
    const finish = (error: Error | null, result?: Downloaded) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        current?.destroy();
        reject(error);
      } else {
        resolve(result!);
      }
    };
    const timer = setTimeout(() => finish(new PriceDownloadError(`${describeSourceUrl(url)}: no complete answer within ${timeoutMs / 1000} s`)), timeoutMs);

    const get = (target: URL, redirectsLeft: number) => {
      try {
        checkDownloadUrl(target);
      } catch (error) {
        const message = error instanceof PriceSourceError ? error.message : String(error);
        finish(new PriceDownloadError(target === url ? message : `redirect refused: ${message}`));
        return;
      }
      const client = target.protocol === 'https:' ? https : http;
      const request = client.get(target, { headers: { accept: 'application/json', 'user-agent': 'prompt-cost-lens' } }, (response) => {
        const status = response.statusCode ?? 0;
        const where = describeSourceUrl(target);
        if (REDIRECTS.has(status) && response.headers.location) {
          response.resume();
          if (redirectsLeft === 0) return finish(new PriceDownloadError(`${where}: more than ${maxRedirects} redirects`));
          let next: URL;
          try {
            next = new URL(response.headers.location, target);
          } catch {
            return finish(new PriceDownloadError(`${where}: redirect to an invalid URL`));
          }
          return get(next, redirectsLeft - 1);
        }
        if (status !== 200) {
          response.resume();
          return finish(new PriceDownloadError(`${where}: HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`));
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          // finish() first: destroying the response emits 'aborted', which must not become the reason.
          finish(new PriceDownloadError(`${where}: ${declared} bytes announced, more than the ${formatMb(maxBytes)} cap`));
          return response.destroy();
        }
        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) {
            finish(new PriceDownloadError(`${where}: larger than the ${formatMb(maxBytes)} cap (stopped reading)`));
            response.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          const modified = response.headers['last-modified'] ? new Date(response.headers['last-modified']) : null;
          finish(null, { bytes: Buffer.concat(chunks), lastModified: modified && !Number.isNaN(modified.getTime()) ? modified : null, finalUrl: target });
        });
        response.on('aborted', () => finish(new PriceDownloadError(`${where}: the connection closed before the end of the file`)));
        response.on('error', (error) => finish(new PriceDownloadError(`${where}: ${error.message}`)));
      });
      current = request;
      request.on('error', (error) => finish(new PriceDownloadError(`${describeSourceUrl(target)}: ${error.message}`)));
    };
    get(url, maxRedirects);
  });
}

function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${bytes} bytes`;
}
