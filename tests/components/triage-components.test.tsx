// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedNotice } from '../../components/FeedNotice';
import { FilterBar } from '../../components/FilterBar';
import { PaperActions } from '../../components/PaperActions';
import type { PaperHandlers } from '../../utils/triage/types';
import { Toast } from '../../components/Toast';
import { DEFAULT_VIEW } from '../../utils/views/view-state';

afterEach(cleanup);

function handlers(): PaperHandlers {
  return { open: vi.fn(), toggleRead: vi.fn(), save: vi.fn(), dismiss: vi.fn(), cite: vi.fn(), select: vi.fn() };
}

describe('PaperActions', () => {
  it('saves, hides and copies citations for its paper', () => {
    const h = handlers();
    const { container } = render(<PaperActions id="2401.00001" title="A paper" saved={false} handlers={h} />);
    fireEvent.click(container.querySelector('[data-action="save"]')!);
    fireEvent.click(container.querySelector('[data-action="dismiss"]')!);
    fireEvent.click(container.querySelector('[data-action="copy-bibtex"]')!);
    fireEvent.click(container.querySelector('[data-action="copy-markdown"]')!);
    expect(h.save).toHaveBeenCalledWith('2401.00001');
    expect(h.dismiss).toHaveBeenCalledWith('2401.00001');
    expect(h.cite).toHaveBeenNthCalledWith(1, '2401.00001', 'bibtex');
    expect(h.cite).toHaveBeenNthCalledWith(2, '2401.00001', 'markdown');
  });

  it('says whether the paper is saved, and leaves citations out when compact', () => {
    const { container } = render(<PaperActions id="x" title="T" saved handlers={handlers()} compact />);
    expect(container.querySelector('[data-action="save"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByLabelText('Unsave “T”')).toBeTruthy();
    expect(container.querySelector('[data-action="copy-bibtex"]')).toBeNull();
  });
});

describe('FilterBar', () => {
  it('reports each control as a change of the view', () => {
    const onChange = vi.fn();
    const { container } = render(<FilterBar state={DEFAULT_VIEW} keywords={[{ keyword: 'diffusion', count: 3 }]} searching={false} onChange={onChange} />);
    fireEvent.change(container.querySelector('[data-filter="keyword"]')!, { target: { value: 'diffusion' } });
    fireEvent.click(container.querySelector('[data-filter="code"]')!);
    fireEvent.click(container.querySelector('[data-filter="unread"]')!);
    fireEvent.input(container.querySelector('[data-filter="min-upvotes"]')!, { target: { value: '12' } });
    fireEvent.change(container.querySelector('[data-filter="from"]')!, { target: { value: '2026-06-01' } });
    fireEvent.change(container.querySelector('[data-filter="sort"]')!, { target: { value: 'upvotes' } });
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
  it('offers Undo only for what can be undone', () => {
    const undo = vi.fn();
    const { container, rerender } = render(<Toast message={{ text: 'Hidden “A”.', tone: 'ok', undo }} onClose={vi.fn()} />);
    fireEvent.click(container.querySelector('[data-action="undo"]')!);
    expect(undo).toHaveBeenCalledOnce();
    rerender(<Toast message={{ text: 'Saved.', tone: 'ok' }} onClose={vi.fn()} />);
    expect(container.querySelector('[data-action="undo"]')).toBeNull();
  });
});

describe('FeedNotice', () => {
  const now = Date.parse('2026-06-12T10:00:00Z');
  it('says which period an on-demand feed covers and how fresh it is', () => {
    const status = { feeds: { 'hf-week': { fetchedAt: now - 5 * 60_000, count: 20, skipped: 0 } } };
    const { container } = render(<FeedNotice view="hf-week" status={status} arxiv={undefined} count={20} now={now} />);
    expect(container.textContent).toBe('Featured in 2026-W24 · updated 5 minutes ago');
  });

  it('explains an empty saved list', () => {
    const { container } = render(<FeedNotice view="saved" status={{ feeds: {} }} arxiv={undefined} count={0} now={now} />);
    expect(container.textContent).toContain('Nothing saved yet');
  });
});
