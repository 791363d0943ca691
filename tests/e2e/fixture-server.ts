import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { recordedAtom, recordedHfDay } from '../fixtures/recorded';
import { FIXTURE_PORT } from './config';

export type HfItem = { paper: { id: string; upvotes: number } } & Record<string, unknown>;

/** The recorded HF responses: 30 papers featured on 2026-06-12 and 3 on 2026-08-03. */
export function recordedItems(day: '2026-06-12' | '2026-08-03'): HfItem[] {
  return recordedHfDay<HfItem[]>(day);
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

/** A route may answer later (a promise): how tests hold a response to simulate a hang. */
export type Route = (url: URL) => Reply | undefined | Promise<Reply | undefined>;

/** Serves JSON for the two feeds the extension fetches, and a stand-in for HF paper pages. */
export function jsonFeeds(daily: unknown, trending: unknown): Route {
  return (url) => {
    if (url.pathname !== '/api/daily_papers') return undefined;
    const body = url.searchParams.get('sort') === 'trending' ? trending : daily;
    return { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  };
}

/** Serves a recorded arXiv Atom answer (tests/fixtures/recorded/arxiv/<name>) for `/api/query`. */
export function atomFeed(name: string, status = 200): Route {
  const body = recordedAtom(name);
  return (url) => (url.pathname === '/api/query' ? { status, body, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } } : undefined);
}

/** The first route that answers. */
export function routes(...list: Route[]): Route {
  return (url) => {
    for (const route of list) {
      const reply = route(url);
      if (reply) return reply;
    }
    return undefined;
  };
}

/**
 * A stand-in for huggingface.co on 127.0.0.1: records every request, serves whatever the
 * current route answers, and a plain page for `/papers/<id>`.
 */
export class FixtureServer {
  readonly requests: URL[] = [];
  readonly origin: string;
  private server: Server | undefined;

  /** `port`: where the build under test looks for Hugging Face (the Firefox suite has its own). */
  constructor(
    public route: Route,
    private readonly port = FIXTURE_PORT,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(this.port, '127.0.0.1', () => done());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  apiRequests(): URL[] {
    return this.requests.filter((url) => url.pathname.startsWith('/api/'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    this.requests.push(url);
    const reply = (await this.route(url)) ?? paperPage(url);
    // The client may have gone while a held answer waited (aborted, or its worker killed).
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'cache-control': 'no-store', ...reply.headers });
    res.end(reply.body);
  }
}

function paperPage(url: URL): Reply {
  const match = /^\/(?:papers|abs|pdf|html)\/(.+)$/.exec(url.pathname);
  if (!match) return { status: 404, body: 'not found' };
  return { headers: { 'content-type': 'text/html' }, body: `<!doctype html><title>Paper ${match[1]}</title><h1>Paper ${match[1]}</h1>` };
}
