/**
 * An HTTP server on 127.0.0.1 (ephemeral port) that serves price files for the download and refresh
 * tests, and the CLI's: each path answers as its route says (a body, a status, a redirect, a stall, a body
 * larger than announced). Nothing here listens beyond this machine.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface Route {
  status?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** A `Location` to redirect to (status 302 unless given). */
  redirect?: string;
  /** Sends the headers and the first byte, then never the rest. */
  stall?: boolean;
  /** Streams this many bytes of `x` without a Content-Length. */
  streamBytes?: number;
}

export class LoopbackPriceServer {
  readonly routes = new Map<string, Route>();
  readonly requests: string[] = [];
  url = '';
  private readonly sockets = new Set<import('net').Socket>();
  private readonly server = http.createServer((req, res) => this.answer(req, res));

  async start(): Promise<this> {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests.push(req.url ?? '/');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = this.routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.redirect) {
      res.writeHead(route.status ?? 302, { location: route.redirect }).end();
      return;
    }
    if (route.stall) {
      res.writeHead(200, { 'content-type': 'application/json', ...route.headers });
      res.write('{');
      return;
    }
    if (route.streamBytes !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let left = route.streamBytes;
      const pump = () => {
        while (left > 0) {
          const part = chunk.subarray(0, Math.min(chunk.length, left));
          left -= part.length;
          if (!res.write(part)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    const body = Buffer.from(route.body ?? '');
    res.writeHead(route.status ?? 200, { 'content-type': 'application/json', 'content-length': String(body.length), ...route.headers }).end(body);
  }
}
