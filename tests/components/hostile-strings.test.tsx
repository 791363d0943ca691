// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperCard } from '../../components/PaperCard';
import { PaperRow } from '../../components/PaperRow';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import type { Paper } from '../../utils/data/db';
import { type PaperView } from '../../utils/data/papers';
import { parseDailyPapers } from '../../utils/sync/sources/hf';
import { ORIGIN, recorded } from '../support/harness';
import type { PaperHandlers } from '../../utils/triage/types';

const noHandlers: PaperHandlers = { open() {}, toggleRead() {}, save() {}, dismiss() {}, restore() {}, cite() {}, select() {} };

// Hostile strings, end to end through the parser and the real components: markup in any text is
// shown as text, and a link whose URL is not plain http(s) is not rendered at all.

const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
const BAD_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  ' VBScript:msgbox(1) ',
  '//evil.example/x',
  '/relative/path',
];

function hostileItems() {
  const base = recorded('2026-06-12')[0]!;
  return BAD_URLS.map((url, i) => ({
    ...base,
    title: `${MARKUP} ${i}`,
    thumbnail: url,
    paper: {
      ...base.paper,
      id: `2606.9${String(i).padStart(4, '0')}`,
      title: `${MARKUP} ${i}`,
      summary: MARKUP,
      ai_summary: MARKUP,
      ai_keywords: [MARKUP],
      authors: [{ name: MARKUP, hidden: false }],
      githubRepo: url,
      projectPage: url,
      organization: { name: MARKUP, fullname: MARKUP },
    },
  }));
}

function views(): PaperView[] {
  const parsed = parseDailyPapers(hostileItems(), ORIGIN);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.papers.map((paper, i) => ({ paper: { ...paper, source: 'hf', firstSeenAt: 0, lastSeenInFeedAt: 0 } as Paper, state: undefined, rank: i + 1 }));
}

afterEach(cleanup);

describe('hostile strings', () => {
  it.each([
    ['new tab card', (view: PaperView) => <PaperCard view={view} handlers={noHandlers} />],
    ['popup row', (view: PaperView) => <PaperRow view={view} handlers={noHandlers} />],
  ])('%s: markup shown as text, no link or image from a non-http(s) URL', (_name, draw) => {
    const all = views();
    expect(all).toHaveLength(BAD_URLS.length);
    for (const view of all) {
      const { container, unmount } = render(draw(view));
      expect(container.querySelector('script, b, img[src="x"], [onerror]')).toBeNull();
      expect(container.textContent).toContain(MARKUP);
      const title = container.querySelector('a[data-action="open"]');
      expect(title?.textContent).toBe(view.paper.title);
      for (const link of container.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https?:\/\/[^/]/);
      for (const image of container.querySelectorAll('img')) expect(image.getAttribute('src') ?? '').toMatch(/^(https?:\/\/[^/]|\/icon\/)/);
      expect(container.innerHTML).not.toMatch(/(javascript|vbscript|data):/i);
      unmount();
    }
  });
});

describe('sync status bar', () => {
  it('puts the whole story (last success, error, next try) in a tooltip, without a modal', async () => {
    const now = Date.UTC(2026, 5, 12, 12);
    const { container } = render(
      <SyncStatusBar
        status={{ lastSuccessAt: now - 3_600_000, lastError: { kind: 'rate-limited', message: 'Hugging Face asked us to wait 4 min', at: now }, nextAttemptAt: now + 240_000, feeds: {} }}
        syncing={false}
        now={now}
        onSync={() => {}}
      />,
    );
    const line = container.querySelector('[data-role="sync-status"]')!;
    expect(line.textContent).toMatch(/^Hugging Face asked us to wait 4 min — showing data from .+ · next try in 4 min$/);
    await waitFor(() => expect(line.getAttribute('title')).toMatch(/^Last synced: .+\nLast error: Hugging Face asked us to wait 4 min \(.+\)\nNext try: in 4 min$/));
    expect(container.querySelector('dialog, [role="dialog"], [role="alertdialog"]')).toBeNull();
  });
});
