import type { Paper } from '../utils/data/db';
import { countOf, formatCount, formatDay, formatMonth } from '../utils/lib/format';
import { paperDay } from './paper-attributes';
import { t } from '../utils/lib/i18n';

/**
 * What a paper's source told about it, on one line: upvotes, comments, GitHub stars, the day
 * it was featured, category, organisation. A paper from the bundled snapshot has only its id,
 * title and abstract: it says so, with the month its id gives, rather than an empty line.
 */
export function PaperMeta({ paper, full }: { paper: Paper; full?: boolean }) {
  const { day, month } = paperDay(paper);
  return (
    <>
      {paper.upvotes !== undefined && (
        <span class="upvotes" title={t('paper.upvotesTitle')}>
          <span aria-hidden="true">▲ </span>
          {formatCount(paper.upvotes)}
          <span class="sr-only"> {t('paper.upvotes')}</span>
        </span>
      )}
      {full && paper.comments !== undefined && <span>{countOf(paper.comments, 'paper.comments')}</span>}
      {full && paper.githubStars !== undefined && <span>{countOf(paper.githubStars, 'paper.stars')}</span>}
      {day && <span class="date">{formatDay(day)}</span>}
      {paper.source === 'bundled' && (
        <span class="snapshot-note" title={t('paper.snapshotTitle')}>
          {t('paper.link.arxiv')} {paper.id}
          {month && ` · ${formatMonth(month)}`} · {t('paper.snapshotNote')}
        </span>
      )}
      {full && paper.primaryCategory && <span>{paper.primaryCategory}</span>}
      {full && paper.organization && <span>{paper.organization}</span>}
    </>
  );
}

/** "New": stored since the last visit to this page, and still unread. */
export function NewPill() {
  return (
    <span class="new-pill">
      {t('paper.new')}
      <span class="sr-only"> {t('paper.newSince')}</span>
    </span>
  );
}
