import { useState } from 'preact/hooks';
import { formatAuthors } from '../utils/lib/format';
import { safeImageUrl, safeUrl } from '../utils/platform/url';
import { CardDiscover } from './CardDiscover';
import { CardSummary } from './CardSummary';
import { Sparkline } from './Sparkline';
import { PaperActions } from './PaperActions';
import { paperAttributes, type PaperItemProps } from './paper-attributes';
import { PaperLink } from './PaperLink';
import { NewPill, PaperMeta } from './PaperMeta';
import { t } from '../utils/lib/i18n';

const LINK_LABELS = [
  ['hf', 'paper.link.hf'],
  ['arxiv', 'paper.link.arxiv'],
  ['pdf', 'paper.link.pdf'],
  ['code', 'paper.link.code'],
  ['project', 'paper.link.project'],
] as const;

/** A new-tab card: thumbnail, title, counts, authors, summary, keywords, links and actions. */
export function PaperCard({ view, handlers, first, selected, isNew, extras }: PaperItemProps) {
  const { paper, rank } = view;
  const [thumbFailed, setThumbFailed] = useState(false);
  // Gated again at render: rows stored by an older, laxer version keep their old URLs.
  const href = safeUrl(paper.links.hf) ?? safeUrl(paper.links.arxiv) ?? '';
  const thumbnail = safeImageUrl(paper.thumbnail);
  return (
    <article {...paperAttributes(view, { kind: 'card', selected, isNew, onSelect: handlers.select, extras })}>
      {thumbnail && !thumbFailed && (
        <img class="thumb" src={thumbnail} alt="" loading="lazy" decoding="async" width={640} height={320} referrerpolicy="no-referrer" onError={() => setThumbFailed(true)} />
      )}
      <div class="card-body">
        <header class="card-head">
          <span class="rank" title={t('paper.rankTitle')}>
            <span class="sr-only">{t('paper.number')} </span>
            {rank}
          </span>
          {/* Element Timing reports text on its block container: the heading carries the mark the bench measures. */}
          <h2 class="card-title" elementtiming={first ? 'first-paper' : undefined}>
            {isNew && <NewPill />}
            <PaperLink id={paper.id} href={href} onOpen={handlers.open}>
              {paper.title}
            </PaperLink>
          </h2>
        </header>
        <p class="card-meta">
          <PaperMeta paper={paper} full />
          {extras?.spark && <Sparkline series={extras.spark} />}
        </p>
        <CardDiscover reason={view.reason} extras={extras} />
        {paper.authors.length > 0 && <p class="card-authors">{formatAuthors(paper.authors, 6)}</p>}
        <CardSummary paper={paper} />
        {paper.aiKeywords && (
          <ul class="keywords" aria-label={t('paper.keywords')}>
            {paper.aiKeywords.slice(0, 8).map((keyword) => (
              <li key={keyword}>
                <button type="button" class="chip" title={t('paper.keywordTitle', [keyword])} onClick={() => handlers.keyword?.(keyword)}>
                  {keyword}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="links">
          {LINK_LABELS.map(([key, label]) => {
            const url = safeUrl(paper.links[key]);
            return url ? <a key={key} href={url} target="_blank" rel="noopener noreferrer">{t(label)}</a> : null;
          })}
        </p>
        <PaperActions view={view} handlers={handlers} />
      </div>
    </article>
  );
}
