// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PaperCard } from '../../components/PaperCard';
import { PaperRow } from '../../components/PaperRow';
import type { Paper } from '../../utils/data/db';
import { type PaperView } from '../../utils/data/papers';
import type { PaperHandlers } from '../../utils/triage/types';

const noHandlers: PaperHandlers = { open() {}, toggleRead() {}, save() {}, dismiss() {}, restore() {}, cite() {}, select() {} };

// A row as an older, laxer version (or a restored backup) might have stored it: the parser's
// gate never saw these URLs, so the components must gate them again.
const stored: Paper = {
  id: '2606.13594',
  title: '<img src=x onerror=window.__pwned=1>',
  summary: '<script>window.__pwned=2</script>',
  authors: ['<b>Ada</b>'],
  links: {
    hf: 'javascript:window.__pwned=3',
    arxiv: 'https://arxiv.org/abs/2606.13594',
    pdf: ' data:text/html,<script>window.__pwned=4</script>',
    code: 'JaVaScRiPt:window.__pwned=5',
    project: 'https://evil.example/project',
  },
  thumbnail: 'https://evil.example/pixel.png',
  source: 'hf',
  firstSeenAt: 0,
  lastSeenInFeedAt: 0,
};
const view: PaperView = { paper: stored, state: undefined, rank: 1 };

function hrefs(container: Element): string[] {
  return [...container.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
}

describe('components gate stored URLs at render', () => {
  it('PaperCard drops the thumbnail from a foreign host and every non-http(s) link', () => {
    const { container } = render(<PaperCard view={view} handlers={noHandlers} />);
    expect(container.querySelector('img')).toBeNull();
    expect(hrefs(container)).toEqual([
      'https://arxiv.org/abs/2606.13594', // the title falls back to arXiv
      'https://arxiv.org/abs/2606.13594',
      'https://evil.example/project', // an ordinary https link is still a link
    ]);
    expect(container.querySelector('a[data-action="open"]')!.textContent).toBe(stored.title);
    expect(container.querySelector('script, iframe, svg, b')).toBeNull();
  });

  it('PaperCard shows a thumbnail from HF’s CDN', () => {
    const paper = { ...stored, thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2606.13594.png' };
    const { container } = render(<PaperCard view={{ ...view, paper }} handlers={noHandlers} />);
    expect(container.querySelector('img')!.getAttribute('src')).toBe(paper.thumbnail);
  });

  it('PaperRow links the title to a safe URL only', () => {
    const { container } = render(<PaperRow view={view} handlers={noHandlers} />);
    expect(hrefs(container)).toEqual(['https://arxiv.org/abs/2606.13594']);
    expect(container.querySelector('a[data-action="open"]')!.textContent).toBe(stored.title);
  });
});
