import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { generateItems, type HfItem } from './items';

export interface ServerOptions {
  port: number;
  templates: HfItem[];
  /** A PNG served for every thumbnail, so cards load real images from a real (local) server. */
  thumbnailPath: string;
}

/**
 * The benchmark's stand-in for huggingface.co on 127.0.0.1. The API answers `[]` (a sync that
 * changes nothing), so the seeded database stays as seeded; `/bench/items` serves generated HF
 * items to the bench page; every request is recorded for the idle measurement.
 */
export class BenchServer {
  readonly origin: string;
  readonly requests: { at: number; path: string }[] = [];
  private server: Server | undefined;
  private readonly thumbnail: Buffer;

  constructor(private readonly options: ServerOptions) {
    this.origin = `http://127.0.0.1:${options.port}`;
    this.thumbnail = readFileSync(resolve(options.thumbnailPath));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((done, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(this.options.port, '127.0.0.1', () => done());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  /** Requests whose path starts with `prefix` since `since` (ms epoch). */
  count(prefix: string, since = 0): number {
    return this.requests.filter((r) => r.at >= since && r.path.startsWith(prefix)).length;
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.origin);
    this.requests.push({ at: Date.now(), path: url.pathname });
    const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
    if (url.pathname === '/api/daily_papers') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.end('[]');
    } else if (url.pathname === '/bench/items') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const count = Number(url.searchParams.get('count') ?? 0);
      const total = Number(url.searchParams.get('total') ?? count);
      const items = generateItems(this.options.templates, offset, count, total, this.origin);
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify(items));
    } else if (url.pathname.startsWith('/bench/thumb/')) {
      // Thumbnails are cacheable on the real CDN too.
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=86400' });
      res.end(this.thumbnail);
    } else {
      res.writeHead(404, headers);
      res.end('not found');
    }
  }
}
