import { describe, expect, it } from 'vitest';
import { IMAGE_HOSTS } from '../../../../utils/platform/manifest-policy';
import { parseDailyPapers } from '../../../../utils/sync/sources/hf';
import { recordedItems } from '../../../e2e/fixture-server';
import {
  HOSTILE_AI_SUMMARY,
  HOSTILE_AUTHOR,
  HOSTILE_COUNT,
  HOSTILE_KEYWORDS,
  HOSTILE_ORGANIZATION,
  HOSTILE_SUMMARY,
  HOSTILE_TITLES,
  hostileItems,
} from '../../../fixtures/hostile-hf';

const HF = 'https://huggingface.co';
const TRACKER = 'http://127.0.0.1:9';

describe('the HF parser on hostile payloads', () => {
  const recorded = recordedItems('2026-06-12');
  const items = hostileItems(recorded, TRACKER);
  const result = parseDailyPapers(items, HF);
  if (!result.ok) throw new Error(result.reason);
  const papers = result.papers;
  const hostile = papers.slice(0, HOSTILE_COUNT);
  const control = papers.slice(HOSTILE_COUNT);

  it('keeps every hostile paper, markup and all, as plain text', () => {
    expect(result.skipped).toBe(0);
    expect(papers.map((p) => p.id)).toEqual(recorded.map((item) => item.paper.id));
    hostile.forEach((paper, i) => {
      expect(paper.title).toBe(HOSTILE_TITLES[i % HOSTILE_TITLES.length]);
      expect(paper.summary).toBe(HOSTILE_SUMMARY);
      expect(paper.aiSummary).toBe(HOSTILE_AI_SUMMARY);
      expect(paper.aiKeywords).toEqual(HOSTILE_KEYWORDS);
      expect(paper.authors).toEqual([HOSTILE_AUTHOR]);
      expect(paper.organization).toBe(HOSTILE_ORGANIZATION);
    });
  });

  it('drops every hostile link and keeps only the links Paperboy builds itself', () => {
    for (const paper of hostile) {
      expect(paper.links).toEqual({
        hf: `${HF}/papers/${paper.id}`,
        arxiv: `https://arxiv.org/abs/${paper.id}`,
        pdf: `https://arxiv.org/pdf/${paper.id}`,
      });
    }
  });

  it('drops every thumbnail that is not on an HF image host, and keeps the real ones', () => {
    expect(hostile.map((p) => p.thumbnail)).toEqual(hostile.map(() => undefined));
    expect(control.length).toBeGreaterThan(0);
    for (const paper of control) {
      expect(paper.thumbnail).toMatch(/^https:\/\//);
      expect(IMAGE_HOSTS).toContain(new URL(paper.thumbnail!).hostname);
    }
    // The recorded code links survive: the gate is not simply dropping everything.
    expect(control.some((p) => p.links.code?.startsWith('https://github.com/'))).toBe(true);
  });
});
