// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordedAtom } from '../../fixtures/recorded';
import { fakeFetch, freshDb } from '../../support/harness';
import { refreshArxivCategory } from '../../../utils/sync/arxiv-fetch';
import type { PaperboyDb } from '../../../utils/data/db';
import { getFeed } from '../../../utils/data/papers';
import { getArxivStatus } from '../../../utils/data/arxiv-store';

const fixture = recordedAtom;
const ORIGIN = 'https://export.arxiv.test';

let db: PaperboyDb;
let clock = 1_000_000;
const slept: number[] = [];
const requested: string[] = [];

function deps(answer: () => Response | Promise<Response>) {
  return {
    db,
    origin: ORIGIN,
    now: () => clock,
    sleep: async (ms: number) => {
      slept.push(ms);
      clock += ms;
    },
    fetch: fakeFetch(async ({ url }) => (requested.push(url.href), answer())).fetch,
  };
}

beforeEach(() => {
  db = freshDb();
  slept.length = 0;
  requested.length = 0;
});
afterEach(() => db.delete());

describe('refreshArxivCategory', () => {
  it('fetches the category query, parses the Atom feed and stores the feed', async () => {
    const result = await refreshArxivCategory('cs.LG', deps(() => new Response(fixture('query_transformer_cs.LG.xml'))));
    expect(result).toEqual({ ok: true, count: 5 });
    expect(requested).toEqual([`${ORIGIN}/api/query?search_query=cat%3Acs.LG&sortBy=submittedDate&sortOrder=descending&start=0&max_results=100`]);
    expect((await getFeed(db, 'arxiv:cs.LG')).map((v) => v.paper.id)).toEqual(['2606.13677', '2606.13591', '2606.13568', '2606.13515', '2606.13501']);
  });

  it('waits 3 s between two requests', async () => {
    const ok = deps(() => new Response(fixture('query_transformer_cs.LG.xml')));
    await refreshArxivCategory('cs.LG', ok);
    await refreshArxivCategory('cs.CL', ok);
    expect(slept).toEqual([0, 3000]);
  });

  it('reports the error feed in words and keeps what the feed had', async () => {
    await refreshArxivCategory('cs.LG', deps(() => new Response(fixture('query_transformer_cs.LG.xml'))));
    clock += 10_000;
    const result = await refreshArxivCategory('cs.LG', deps(() => new Response(fixture('id_abc_s0_m100_b79c8dcf6bc3.xml'), { status: 400 })));
    expect(result).toEqual({ ok: false, message: 'arXiv refused the query: incorrect id format for abc' });
    expect(await getFeed(db, 'arxiv:cs.LG')).toHaveLength(5);
    expect((await getArxivStatus(db)).feeds['cs.LG']?.error?.message).toBe('arXiv refused the query: incorrect id format for abc');
  });

  it.each([
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'Could not reach arXiv: you may be offline'],
    ['an HTML error page', () => new Response('<html><body>busy</body></html>', { status: 503 }), 'arXiv refused the request (HTTP 503)'],
    ['an empty feed', () => new Response('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'arXiv has no papers in cs.LG'],
  ])('explains %s', async (_name, answer, message) => {
    expect(await refreshArxivCategory('cs.LG', deps(answer))).toEqual({ ok: false, message });
  });
});
