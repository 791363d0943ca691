// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmptyState } from '../../components/EmptyState';
import type { Paper, UserState } from '../../utils/data/db';
import type { PaperView } from '../../utils/data/papers';
import { TOAST_MS } from '../../utils/triage/toast-timer';
import { FeedNotice } from '../../components/FeedNotice';
import { FilterBar } from '../../components/FilterBar';
import { PaperActions } from '../../components/PaperActions';
import type { PaperHandlers } from '../../utils/triage/types';
import { Toast } from '../../components/Toast';
import { DEFAULT_VIEW } from '../../utils/views/view-state';

afterEach(cleanup);

function handlers(): PaperHandlers {
  return { open: vi.fn(), toggleRead: vi.fn(), save: vi.fn(), dismiss: vi.fn(), restore: vi.fn(), cite: vi.fn(), select: vi.fn() };
}

const paper: Paper = { id: '2401.00001', title: 'A paper', summary: '', authors: [], links: {}, source: 'hf', firstSeenAt: 0 };
const viewOf = (state?: UserState): PaperView => ({ paper, state, rank: 1 });

describe('PaperActions', () => {
  it('marks read, saves, hides and copies citations for its paper', () => {
    const h = handlers();
    const { container } = render(<PaperActions view={viewOf()} handlers={h} />);
    for (const action of ['toggle-read', 'save', 'dismiss', 'copy-bibtex', 'copy-markdown']) fireEvent.click(container.querySelector(`[data-action="${action}"]`)!);
    expect(h.toggleRead).toHaveBeenCalledWith('2401.00001');
    expect(h.save).toHaveBeenCalledWith('2401.00001');
    expect(h.dismiss).toHaveBeenCalledWith('2401.00001');
    expect(h.cite).toHaveBeenNthCalledWith(1, '2401.00001', 'bibtex');
    expect(h.cite).toHaveBeenNthCalledWith(2, '2401.00001', 'markdown');
  });

  it('says in words what each control does, its name starting with them', () => {
    const { container } = render(<PaperActions view={viewOf({ id: paper.id, readAt: 1, savedAt: 2 })} handlers={handlers()} />);
    expect(screen.getByRole('button', { name: 'Mark unread “A paper”' })).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Saved “A paper”' });
    expect(save.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Hide “A paper”' })).toBeTruthy();
    expect(container.querySelector('[data-action="dismiss"]')!.textContent).toContain('Hide');
  });

  it('keeps save and hide as named icons when compact, without citations', () => {
    const { container } = render(<PaperActions view={viewOf()} handlers={handlers()} compact />);
    expect(screen.getByRole('button', { name: 'Save “A paper”' }).textContent).toBe('☆');
    expect(screen.getByRole('button', { name: 'Mark read “A paper”' }).textContent).toContain('Mark read');
    expect(container.querySelector('[data-action="copy-bibtex"]')).toBeNull();
  });

  it('offers Restore instead of Hide on a hidden paper', () => {
    const h = handlers();
    const { container } = render(<PaperActions view={viewOf({ id: paper.id, dismissedAt: 3 })} handlers={h} compact />);
    expect(container.querySelector('[data-action="dismiss"]')).toBeNull();
    fireEvent.click(container.querySelector('[data-action="restore"]')!);
    expect(h.restore).toHaveBeenCalledWith('2401.00001');
  });
});

describe('FilterBar', () => {
  it('reports each control as a change of the view, each named in words', () => {
    const onChange = vi.fn();
    const { container } = render(<FilterBar state={DEFAULT_VIEW} keywords={[{ keyword: 'diffusion', count: 3 }]} searching={false} onChange={onChange} />);
    fireEvent.change(container.querySelector('[data-filter="keyword"]')!, { target: { value: 'diffusion' } });
    fireEvent.click(container.querySelector('[data-filter="code"]')!);
    fireEvent.click(container.querySelector('[data-filter="unread"]')!);
    fireEvent.input(container.querySelector('[data-filter="min-upvotes"]')!, { target: { value: '12' } });
    fireEvent.change(container.querySelector('[data-filter="from"]')!, { target: { value: '2026-06-01' } });
    fireEvent.change(container.querySelector('[data-filter="sort"]')!, { target: { value: 'upvotes' } });
    expect(screen.getByLabelText(/At least/).getAttribute('data-filter')).toBe('min-upvotes');
    expect(screen.getByRole('group', { name: 'Published' })).toBeTruthy();
    expect(onChange.mock.calls.map(([change]) => change)).toEqual([
      { keyword: 'diffusion' },
      { code: true },
      { unread: true },
      { minUpvotes: 12 },
      { from: '2026-06-01' },
      { sort: 'upvotes' },
    ]);
  });

  it('keeps a topic from the URL selectable even when the list has no such keyword', () => {
    const { container } = render(<FilterBar state={{ ...DEFAULT_VIEW, keyword: 'robots' }} keywords={[]} searching onChange={vi.fn()} />);
    expect((container.querySelector('[data-filter="keyword"]') as HTMLSelectElement).value).toBe('robots');
    expect(screen.getByText('Best match')).toBeTruthy();
  });
});

describe('Toast', () => {
  afterEach(() => vi.useRealTimers());

  it('offers Undo only for what can be undone, and gives focus back after it', () => {
    const undo = vi.fn();
    const undone = vi.fn();
    const { container, rerender } = render(<Toast message={{ text: 'Hidden “A”.', tone: 'ok', undo }} onClose={vi.fn()} onUndone={undone} />);
    fireEvent.click(container.querySelector('[data-action="undo"]')!);
    expect(undo).toHaveBeenCalledOnce();
    expect(undone).toHaveBeenCalledOnce();
    rerender(<Toast message={{ text: 'Saved.', tone: 'ok' }} onClose={vi.fn()} onUndone={vi.fn()} />);
    expect(container.querySelector('[data-action="undo"]')).toBeNull();
  });

  it('is announced politely, leaves by itself, and waits while the pointer is on it', () => {
    vi.useFakeTimers();
    const close = vi.fn();
    const { container } = render(<Toast message={{ text: 'BibTeX copied.', tone: 'ok' }} onClose={close} onUndone={vi.fn()} />);
    expect(container.querySelector('[role="status"]')!.getAttribute('aria-live')).toBe('polite');
    fireEvent.mouseEnter(container.querySelector('[data-role="toast"]')!);
    vi.advanceTimersByTime(TOAST_MS * 10);
    expect(close).not.toHaveBeenCalled();
    fireEvent.mouseLeave(container.querySelector('[data-role="toast"]')!);
    vi.advanceTimersByTime(TOAST_MS);
    expect(close).toHaveBeenCalledOnce();
  });
});

describe('FeedNotice', () => {
  const now = Date.parse('2026-06-12T10:00:00Z');
  it('says which days an on-demand feed covers and how fresh it is', () => {
    const status = { feeds: { 'hf-week': { fetchedAt: now - 5 * 60_000, count: 20, skipped: 0 } } };
    const { container } = render(<FeedNotice view="hf-week" status={status} arxiv={undefined} now={now} />);
    expect(container.textContent).toMatch(/^Featured Jun 8\s*–\s*14, 2026 · updated 5 minutes ago$/);
  });

  it('says when Today shows an older day than today', () => {
    const status = (day: string) => ({ feeds: { 'hf-daily': { fetchedAt: now, count: 3, skipped: 0, day } } });
    const { container, rerender } = render(<FeedNotice view="hf-daily" status={status('2026-06-12')} arxiv={undefined} now={now} />);
    expect(container.textContent).toBe('Featured today, Jun 12, 2026');
    rerender(<FeedNotice view="hf-daily" status={status('2026-06-11')} arxiv={undefined} now={now} />);
    expect(container.textContent).toBe('Latest featured day: Jun 11, 2026 (nothing featured today yet)');
  });

  it('leaves the live feeds’ freshness to the status line: one freshness line, not two', () => {
    const status = { lastSuccessAt: now, feeds: { 'hf-trending': { fetchedAt: now - 60 * 60_000, count: 3, skipped: 0 } } };
    const { container } = render(<FeedNotice view="hf-trending" status={status} arxiv={undefined} now={now} />);
    expect(container.textContent).not.toMatch(/updated|ago/);
  });
});

describe('EmptyState', () => {
  const actions = () => ({ clearSearch: vi.fn(), clearFilters: vi.fn(), sync: vi.fn(), open: vi.fn() });

  it('offers a next step for a search that found nothing', () => {
    const a = actions();
    render(<EmptyState view="hf-trending" query="quokka" filtered={false} status={undefined} snapshot actions={a} />);
    expect(screen.getByText(/No stored paper matches “quokka”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(a.clearSearch).toHaveBeenCalledOnce();
  });

  it('says why a feed is empty when offline, with Sync now and the snapshot', () => {
    const a = actions();
    const status = { lastError: { kind: 'offline' as const, message: 'Could not reach Hugging Face: you may be offline', at: 1 }, feeds: {} };
    render(<EmptyState view="hf-trending" filtered={false} status={status} snapshot actions={a} />);
    expect(screen.getByText(/could not reach Hugging Face: you seem to be offline/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the bundled snapshot' }));
    expect(a.open).toHaveBeenCalledWith('bundled');
  });

  it('explains an empty saved list', () => {
    render(<EmptyState view="saved" filtered={false} status={undefined} snapshot={false} actions={actions()} />);
    expect(screen.getByText(/Nothing saved yet/)).toBeTruthy();
  });
});
