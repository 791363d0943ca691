// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedTabs } from '../../components/FeedTabs';
import { PaperMeta } from '../../components/PaperMeta';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import type { ViewId } from '../../utils/views/view-id';

afterEach(cleanup);

describe('SyncStatusBar', () => {
  const now = Date.parse('2026-06-12T10:00:00Z');

  it('ticks its visible line with the clock but announces nothing until a sync starts or ends', () => {
    const status = { lastSuccessAt: now - 5 * 60_000, feeds: {} };
    const { container, rerender } = render(<SyncStatusBar status={status} syncing={false} now={now} onSync={vi.fn()} />);
    const live = () => container.querySelector('[role="status"]')!.textContent;
    const shown = () => container.querySelector('[data-role="sync-status"]')!.textContent;
    expect(shown()).toMatch(/5 minutes ago/);
    expect(live()).toBe('');
    rerender(<SyncStatusBar status={status} syncing={false} now={now + 60_000} onSync={vi.fn()} />);
    expect(shown()).toMatch(/6 minutes ago/);
    expect(live()).toBe('');
    rerender(<SyncStatusBar status={status} syncing now={now + 60_000} onSync={vi.fn()} />);
    expect(live()).toBe('Syncing…');
    rerender(<SyncStatusBar status={{ ...status, lastSuccessAt: now + 60_000 }} syncing={false} now={now + 60_000} onSync={vi.fn()} />);
    expect(live()).toBe('Sync finished.');
  });

  it('adds its tooltip (exact dates) once the first frame is out, not in the first render', async () => {
    const { container } = render(<SyncStatusBar status={{ lastSuccessAt: now - 5 * 60_000, feeds: {} }} syncing={false} now={now} onSync={vi.fn()} />);
    const line = container.querySelector('[data-role="sync-status"]')!;
    expect(line.textContent).toMatch(/5 minutes ago/);
    expect(line.hasAttribute('title')).toBe(false);
    await waitFor(() => expect(line.getAttribute('title')).toMatch(/^Last synced: /));
  });
});

describe('FeedTabs', () => {
  const views: ViewId[] = ['hf-trending', 'hf-daily', 'saved'];

  it('is one Tab stop, and the arrow keys, Home and End move between the tabs and open them', () => {
    const onSelect = vi.fn();
    render(<FeedTabs views={views} current="hf-trending" label={(v) => v} counts={{ 'hf-trending': 3 }} onSelect={onSelect} panel="papers" />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(tabs[0]!.getAttribute('aria-controls')).toBe('papers');
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(onSelect).toHaveBeenLastCalledWith('hf-daily');
    expect(document.activeElement).toBe(tabs[1]);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    expect(onSelect).toHaveBeenLastCalledWith('saved');
    fireEvent.keyDown(tabs[1]!, { key: 'Home' });
    expect(onSelect).toHaveBeenLastCalledWith('hf-trending');
    fireEvent.keyDown(tabs[0]!, { key: 'End' });
    expect(onSelect).toHaveBeenLastCalledWith('saved');
    // A tab's number is its unread papers, said in words to a screen reader.
    expect(tabs[0]!.textContent).toBe('hf-trending3, 3 unread');
  });
});

describe('PaperMeta', () => {
  const base = { id: '2401.00001', title: 'A paper', summary: '', authors: [], links: {}, firstSeenAt: 0 };

  it('says GitHub stars in words: ★ is only ever the Saved mark', () => {
    const { container } = render(<PaperMeta paper={{ ...base, source: 'hf', githubStars: 251, upvotes: 12 }} full />);
    expect(container.textContent).toContain('251 GitHub stars');
    expect(container.textContent).not.toMatch(/[★☆]/);
  });

  it('tells what a bundled snapshot card has instead of an empty line', () => {
    const { container } = render(<PaperMeta paper={{ ...base, source: 'bundled' }} full />);
    expect(container.textContent).toBe('arXiv 2401.00001 · January 2024 · from the bundled snapshot');
  });
});
