import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, openPage, readFlag, screenshot, waitFor, type Extension } from './browser';
import { POLL, ROOT } from './config';
import { atomFeed, FixtureServer, jsonFeeds, recordedItems, routes, type HfItem, type Route } from './fixture-server';
import { dbRows, syncNow } from './reliability-harness';

// Same live feeds as core.e2e.test.ts: today = 30 papers of 2026-06-12; trending = the 3 of
// 2026-08-03 and the 10 most upvoted of 06-12 (overlapping, so the badge deduplicates).
const daily = recordedItems('2026-06-12');
const trending = [...recordedItems('2026-08-03'), ...[...daily].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 10)];
const UNREAD_AT_START = new Set([...daily, ...trending].map((i) => i.paper.id)).size; // 33
// "This week" on demand, first page only: 20 papers of its own, in no live feed (the 20 least
// upvoted of 06-12 under new ids), so a badge that counted them would show it.
const week = [...daily]
  .sort((a, b) => a.paper.upvotes - b.paper.upvotes)
  .slice(0, 20)
  .map((item, i) => ({ ...item, paper: { ...item.paper, id: `2606.9${String(i).padStart(4, '0')}` } }));
const ARXIV_IDS = ['2606.13677', '2606.13591', '2606.13568', '2606.13515', '2606.13501'];

const weekRoute: Route = (url) => {
  if (url.pathname !== '/api/daily_papers' || !url.searchParams.has('week')) return undefined;
  const body = url.searchParams.get('p') === '0' ? week : [];
  return { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
};

/** Texts a search can match for every paper the profile stores (live fixtures + bundled snapshot). */
function storedTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  const seed = JSON.parse(readFileSync(resolve(ROOT, 'assets/seed-papers.json'), 'utf8')) as { papers: { arxiv_id?: string; title: string; summary: string }[] };
  for (const p of seed.papers) if (p.arxiv_id) texts.set(p.arxiv_id, `${p.title} ${p.summary}`);
  for (const item of [...daily, ...trending] as (HfItem & { title: string; summary?: string; paper: { summary?: string; authors?: { name: string }[]; ai_keywords?: string[] } })[]) {
    const p = item.paper;
    texts.set(p.id, `${texts.get(p.id) ?? ''} ${item.title} ${p.summary ?? ''} ${item.summary ?? ''} ${(p.authors ?? []).map((a) => a.name).join(' ')} ${(p.ai_keywords ?? []).join(' ')}`);
  }
  return texts;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Whether a text has a word the search would match for `query`: same prefix, or within its typo allowance. */
function couldMatch(text: string, query: string): boolean {
  const allowed = query.length >= 5 ? 1 : 0;
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => word.startsWith(query) || (allowed > 0 && Math.abs(word.length - query.length) <= allowed && editDistance(word, query) <= allowed));
}

/** A word of one trending title that no other stored paper could match, with a one-letter typo of it. */
function distinctiveQuery(): { id: string; word: string; typo: string } {
  const texts = storedTexts();
  for (const item of trending) {
    for (const word of (item.title as string).toLowerCase().split(/[^a-z]+/)) {
      if (word.length < 8) continue;
      const typo = word.slice(0, 3) + word.slice(4);
      const others = [...texts].filter(([id]) => id !== item.paper.id);
      if (others.some(([, text]) => couldMatch(text, word) || couldMatch(text, typo))) continue;
      return { id: item.paper.id, word, typo };
    }
  }
  throw new Error('no distinctive word in the trending titles');
}

const shownIds = (page: Page) => page.locator('[data-paper-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-id')));
const attr = (page: Page, id: string, name: string) => page.locator(`[data-paper-id="${id}"]`).first().getAttribute(name);

describe('triage in Chromium', () => {
  const liveRoute = routes(weekRoute, atomFeed('query_transformer_cs.LG.xml'), jsonFeeds(daily, trending));
  const server = new FixtureServer(liveRoute);
  let ext: Extension;
  const [t0, t1, t2, t3] = trending.map((i) => i.paper.id);

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  // Each test on a profile of its own, the install sync done and nothing read, saved or hidden:
  // no test depends on what another did.
  beforeEach(async () => {
    server.route = liveRoute;
    server.requests.splice(0);
    ext = await launch();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
  });
  afterEach(() => discard(ext));

  it('search: typing shows only the matching papers, a typo still finds them, and the query is in the URL', async () => {
    const { id, word, typo } = distinctiveQuery();
    const newtab = await openPage(ext, 'newtab.html');
    await expect.poll(() => newtab.locator('[data-paper-id]').count(), POLL).toBe(trending.length);
    const search = newtab.locator('[data-role="search"]');
    await search.pressSequentially(word, { delay: 20 });
    await expect.poll(() => shownIds(newtab), POLL).toEqual([id]);
    expect(new URL(newtab.url()).searchParams.get('q')).toBe(word);
    await search.fill(typo);
    await expect.poll(() => shownIds(newtab), POLL).toEqual([id]);
    // A bookmarked search opens on the same results.
    const again = await openPage(ext, `newtab.html?q=${encodeURIComponent(word)}`);
    await expect.poll(() => shownIds(again), POLL).toEqual([id]);
    await Promise.all([newtab.close(), again.close()]);
  });

  it('keyboard: j/k move, m marks read, s saves, Shift+X hides (x alone does not) and u undoes; the badge follows', async () => {
    const newtab = await openPage(ext, 'newtab.html');
    await expect.poll(() => shownIds(newtab), POLL).toEqual(trending.map((i) => i.paper.id));
    await newtab.locator('body').click({ position: { x: 5, y: 5 } });
    await newtab.keyboard.press('j');
    await expect.poll(() => attr(newtab, t0!, 'aria-current'), POLL).toBe('true');
    await newtab.keyboard.press('m');
    await expect.poll(() => readFlag(newtab, t0!), POLL).toBe('true');
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));

    await newtab.keyboard.press('j');
    await newtab.keyboard.press('s');
    await expect.poll(() => attr(newtab, t1!, 'data-saved'), POLL).toBe('true');
    expect(await readFlag(newtab, t1!)).toBe('false');

    await newtab.keyboard.press('j');
    await expect.poll(() => attr(newtab, t2!, 'aria-current'), POLL).toBe('true');
    // x sits next to s: alone it hides nothing, and says which key does.
    await newtab.keyboard.press('x');
    await expect.poll(() => newtab.locator('[data-role="toast"]').textContent(), POLL).toContain('Shift+X');
    expect(await newtab.locator(`[data-paper-id="${t2}"]`).count()).toBe(1);
    await newtab.keyboard.press('Shift+X');
    await expect.poll(() => newtab.locator(`[data-paper-id="${t2}"]`).count(), POLL).toBe(0);
    await expect.poll(() => attr(newtab, t3!, 'aria-current'), POLL).toBe('true');
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 2));
    await newtab.evaluate(() => window.scrollTo(0, 0));
    await screenshot(newtab, 'triage-newtab');

    // u takes back the newest change first (the hide), then the one before (the save)…
    await newtab.keyboard.press('u');
    await expect.poll(() => newtab.locator(`[data-paper-id="${t2}"]`).count(), POLL).toBe(1);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));
    await newtab.keyboard.press('u');
    await expect.poll(() => attr(newtab, t1!, 'data-saved'), POLL).toBe('false');
    // …and the one before that: the read mark.
    await newtab.keyboard.press('u');
    await expect.poll(() => readFlag(newtab, t0!), POLL).toBe('false');
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));

    // Keys typed into the search box are text, not commands; Escape leaves the box.
    await newtab.keyboard.press('/');
    await newtab.keyboard.type('mX');
    expect(await newtab.locator('[data-role="search"]').inputValue()).toBe('mX');
    await newtab.keyboard.press('Escape');
    await newtab.locator('[data-role="search"]').fill('');
    await newtab.keyboard.press('?');
    expect(await newtab.locator('[data-role="search"]').inputValue()).toBe('?');
    expect(await newtab.locator('[data-role="key-help"]').count()).toBe(0);
    await newtab.locator('[data-role="search"]').fill('');
    await newtab.keyboard.press('Escape');
    expect(await readFlag(newtab, t3!)).toBe('false');

    await newtab.keyboard.press('?');
    await expect.poll(() => newtab.locator('[data-role="key-help"]').count(), POLL).toBe(1);
    await newtab.keyboard.press('Escape');
    await expect.poll(() => newtab.locator('[data-role="key-help"]').count(), POLL).toBe(0);
    await newtab.close();
  });

  it('keyboard works in the popup too', async () => {
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await expect.poll(() => shownIds(popup), POLL).toEqual(trending.map((i) => i.paper.id));
    await popup.locator('body').click({ position: { x: 5, y: 5 } });
    await popup.keyboard.press('j');
    await popup.keyboard.press('j');
    await popup.keyboard.press('j');
    await popup.keyboard.press('j');
    await expect.poll(() => attr(popup, t3!, 'aria-current'), POLL).toBe('true');
    await popup.keyboard.press('m');
    await expect.poll(() => readFlag(popup, t3!), POLL).toBe('true');
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));
    await screenshot(popup, 'triage-popup');
    await popup.close();
  });

  it('"This week" is fetched on demand through the worker and never counts toward the badge', async () => {
    const newtab = await openPage(ext, 'newtab.html?feed=hf-week');
    await expect.poll(() => server.apiRequests().some((url) => url.searchParams.has('week')), POLL).toBe(true);
    const asked = server.apiRequests().find((url) => url.searchParams.has('week'))!;
    expect(asked.searchParams.get('week')).toMatch(/^\d{4}-W\d{2}$/);
    await expect.poll(() => newtab.locator('[data-paper-id]').count(), POLL).toBe(week.length);
    // The week as days ("Featured Jun 8 – 14, 2026"), not as "2026-W24".
    await expect.poll(() => newtab.locator('[data-role="feed-freshness"]').textContent(), POLL).toMatch(/^Featured \w{3} \d{1,2}\b.*–.*\d{4} · updated/);
    // Fetching a feed refreshes no badge; the next refresh (here: the one after "Sync now",
    // awaited) recounts the whole database, week papers stored.
    expect((await syncNow(newtab)).lastError).toBeUndefined();
    expect(await badgeText(ext)).toBe(String(UNREAD_AT_START));
    await newtab.close();
  });

  it('an arXiv category feed is added with the optional permission and parsed from the recorded Atom answer', async () => {
    // A visit before this one, so that "new since the last visit" has a last visit to go by.
    const earlier = await openPage(ext, 'newtab.html');
    await expect.poll(async () => (await dbRows<{ key: string }>(earlier, 'meta')).some((row) => row.key === 'last-visit:newtab'), POLL).toBe(true);
    await earlier.close();
    const newtab = await openPage(ext, 'newtab.html');
    await newtab.locator('[data-action="show-arxiv"]').click();
    await newtab.locator('[data-role="arxiv-category"]').fill('cs.LG');
    await newtab.locator('[data-action="add-arxiv"]').click();
    await expect.poll(() => shownIds(newtab), POLL).toEqual(ARXIV_IDS);
    const query = server.requests.find((url) => url.pathname === '/api/query')!;
    expect(query.searchParams.get('search_query')).toBe('cat:cs.LG');
    expect(new URL(newtab.url()).searchParams.get('feed')).toBe('arxiv:cs.LG');
    await expect.poll(() => newtab.locator('[data-paper-id="2606.13677"] a[data-action="open"]').textContent(), POLL).toBe('Mana: Dexterous Manipulation of Articulated Tools');
    // As for "This week": the refresh after an awaited "Sync now" recounts with the arXiv papers stored.
    expect((await syncNow(newtab)).lastError).toBeUndefined();
    expect(await badgeText(ext)).toBe(String(UNREAD_AT_START));
    // Stored after this visit began: marked new here, and no longer new on the next visit.
    expect(await attr(newtab, '2606.13677', 'data-new')).toBe('true');
    await screenshot(newtab, 'triage-arxiv');
    await newtab.close({ runBeforeUnload: true });
    const opened = Date.now();
    const later = await openPage(ext, 'newtab.html?feed=arxiv%3Acs.LG');
    await expect.poll(() => shownIds(later), POLL).toEqual(ARXIV_IDS);
    // Until the page has read the last visit, nothing is new: "not new" means something only once
    // it has, and it records its own visit (a newer last visit) in the same transaction.
    const lastVisit = async () => (await dbRows<{ key: string; value: number }>(later, 'meta')).find((row) => row.key === 'last-visit:newtab')?.value ?? 0;
    await expect.poll(lastVisit, POLL).toBeGreaterThanOrEqual(opened);
    expect(await attr(later, '2606.13677', 'data-new')).toBe('false');
    await later.close();
  });

  it('the saved list survives a browser restart and exports as BibTeX', async () => {
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await popup.locator(`[data-paper-id="${t1}"] [data-action="save"]`).click();
    await expect.poll(() => attr(popup, t1!, 'data-saved'), POLL).toBe('true');
    await ext.context.close();
    ext = await launch(ext.profile);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
    const newtab = await openPage(ext, 'newtab.html?feed=saved');
    await expect.poll(() => shownIds(newtab), POLL).toEqual([t1]);
    expect(await attr(newtab, t1!, 'data-saved')).toBe('true');
    const [download] = await Promise.all([newtab.waitForEvent('download'), newtab.locator('[data-action="export-bibtex"]').click()]);
    expect(download.suggestedFilename()).toBe('paperboy-saved.bib');
    const bib = readFileSync((await download.path())!, 'utf8');
    expect(bib).toMatch(new RegExp(`^@misc\\{[a-z]+\\d{4}[a-z]*,\\n  title = \\{`));
    expect(bib).toContain(`  eprint = {${t1}},\n  archivePrefix = {arXiv},`);
    await screenshot(newtab, 'triage-saved');
    await newtab.close();
  });

  it('search follows a sync: a paper that arrives while the query is open shows up without a reload', async () => {
    const newtab = await openPage(ext, 'newtab.html?q=quokkaformer');
    await expect.poll(() => newtab.locator('[data-role="search-summary"]').textContent(), POLL).toMatch(/^No matches for “quokkaformer”/);
    // An empty search offers its next step.
    expect(await newtab.locator('[data-role="empty"]').textContent()).toContain('Check the spelling');
    const arriving = { ...trending[0]!, title: 'Quokkaformer: Marsupial Attention', paper: { ...trending[0]!.paper, id: '2607.99999', title: 'Quokkaformer: Marsupial Attention' } };
    server.route = routes(weekRoute, jsonFeeds(daily, [arriving, ...trending]));
    await newtab.locator('[data-action="sync"]').click();
    await expect.poll(() => shownIds(newtab), POLL).toEqual(['2607.99999']);
    await newtab.close();
  });
});
