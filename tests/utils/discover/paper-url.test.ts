import { describe, expect, it } from 'vitest';
import { paperIdFromUrl, paperSites } from '../../../utils/discover/paper-url';

const SITES = paperSites(['https://arxiv.org', 'https://www.arxiv.org'], 'https://huggingface.co', ['https://www.alphaxiv.org', 'https://alphaxiv.org']);
const id = (url: string) => paperIdFromUrl(url, SITES);

describe('read detection: which paper a page shows', () => {
  it.each([
    ['https://arxiv.org/abs/2606.13106', '2606.13106'],
    ['https://arxiv.org/abs/2606.13106v3', '2606.13106'],
    ['https://www.arxiv.org/abs/2401.1234', '2401.1234'],
    ['https://arxiv.org/pdf/2606.13106', '2606.13106'],
    ['https://arxiv.org/pdf/2606.13106v2', '2606.13106'],
    ['https://arxiv.org/pdf/2606.13106v2.pdf', '2606.13106'],
    ['https://arxiv.org/html/2606.13106v1', '2606.13106'],
    ['https://arxiv.org/html/2606.13106v1/', '2606.13106'],
    ['https://arxiv.org/html/2606.13106v1/index.html#S3', '2606.13106'],
    ['https://arxiv.org/abs/2606.13106?context=cs.LG', '2606.13106'],
    ['http://arxiv.org/abs/2606.13106', undefined], // http is another origin: arXiv redirects it to https anyway
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001'],
    ['https://arxiv.org/pdf/math.GT/0309136v1.pdf', 'math.GT/0309136'],
    ['https://arxiv.org/abs/quant-ph/0201082', 'quant-ph/0201082'],
    ['https://huggingface.co/papers/2606.13106', '2606.13106'],
    ['https://huggingface.co/papers/2606.13106#community', '2606.13106'],
    ['https://www.alphaxiv.org/abs/2606.13106', '2606.13106'],
    ['https://www.alphaxiv.org/overview/2606.13106v2', '2606.13106'],
    ['https://alphaxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
  ])('%s → %s', (url, expected) => {
    expect(id(url)).toBe(expected);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/list/cs.LG/recent',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/2606',
    'https://arxiv.org/abs/2606.13106/extra',
    'https://arxiv.org/a/smith_j_1',
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/date/2026-06-12',
    'https://huggingface.co/papers/2606.13106/discussion',
    'https://huggingface.co/2606.13106',
    'https://www.alphaxiv.org/explore',
  ])('not a paper page: %s', (url) => {
    expect(id(url)).toBeUndefined();
  });

  it.each([
    'https://arxiv.org.evil.example/abs/2606.13106',
    'https://evilarxiv.org/abs/2606.13106',
    'https://arxiv.org@evil.example/abs/2606.13106',
    'https://user:pw@arxiv.org/abs/2606.13106',
    'https://arxiv.org:8443/abs/2606.13106',
    'https://xn--arxv-5qa.org/abs/2606.13106',
    'https://arxіv.org/abs/2606.13106', // Cyrillic і
    'https://huggingface.co.evil.example/papers/2606.13106',
    'https://evil.example/?u=https://arxiv.org/abs/2606.13106',
    'https://evil.example/arxiv.org/abs/2606.13106',
    'javascript:alert(1)//arxiv.org/abs/2606.13106',
    'data:text/html,https://arxiv.org/abs/2606.13106',
    'https://arxiv.org/abs/2606.13106\u202e',
  ])('look-alike or hostile address refused: %s', (url) => {
    expect(id(url)).toBeUndefined();
  });

  it('non-strings are nothing', () => {
    expect(paperIdFromUrl(undefined, SITES)).toBeUndefined();
    expect(paperIdFromUrl(42, SITES)).toBeUndefined();
  });
});
