import { useState } from 'preact/hooks';
import { formatAuthors } from '../utils/lib/format';
import { safeImageUrl, safeUrl } from '../utils/platform/url';
import { CardDiscover } from './CardDiscover';
import { CardSummary } from './CardSummary';
import { Sparkline } from './Sparkline';
import { PaperActions } from './PaperActions';
import { paperAttributes, paperHref, type PaperItemProps } from './paper-attributes';
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

/** A card's rank and title link; the first card's title carries the bench's Element Timing mark. */
function CardHead({ view, first, isNew, onOpen }: { view: PaperItemProps['view']; first?: boolean; isNew?: boolean; onOpen: PaperItemProps['handlers']['open'] }) {
  const { paper, rank } = view;
  // Gated again at render: rows stored by an older, laxer version keep their old URLs.
  const href = paperHref(paper);
  return (
    <header class="card-head">
      <span class="rank" title={t('paper.rankTitle')}>
        <span class="sr-only">{t('paper.number')} </span>
        {rank}
      </span>
      {/* Element Timing reports text on its block container: the heading carries the mark the bench measures. */}
      <h2 class="card-title" elementtiming={first ? 'first-paper' : undefined}>
        {isNew && <NewPill />}
        <PaperLink id={paper.id} href={href} onOpen={onOpen}>
          {paper.title}
        </PaperLink>
      </h2>
    </header>
  );
}

/**
 * A new-tab card: thumbnail, title, counts, authors, summary, keywords, links and actions. A brief
 * card (far below the screen, utils/pages/use-near.ts) has its rank, title link, authors, summary
 * and the contract's controls (read, save, hide or restore) only: every listed paper keeps its
 * flag and acts the same before it comes near, when it is drawn whole.
 */
export function PaperCard({ view, handlers, first, selected, isNew, extras, brief, shell }: PaperItemProps) {
  const { paper } = view;
  const [thumbFailed, setThumbFailed] = useState(false);
  if (shell) return <article {...paperAttributes(view, { kind: 'card', selected, isNew, onSelect: handlers.select, extras })} data-shell="" />;
  const thumbnail = safeImageUrl(paper.thumbnail);
  const head = <CardHead view={view} first={first} isNew={isNew} onOpen={handlers.open} />;
  const authors = paper.authors.length > 0 && <p class="card-authors">{formatAuthors(paper.authors, 6)}</p>;
  const attributes = paperAttributes(view, { kind: 'card', selected, isNew, onSelect: handlers.select, extras });
  if (brief) {
    return (
      <article {...attributes} data-brief="">
        <div class="card-body">
          {head}
          {authors}
          {(paper.aiSummary ?? paper.summary) && <p class="card-summary clamped">{paper.aiSummary ?? paper.summary}</p>}
          <PaperActions view={view} handlers={handlers} brief />
        </div>
      </article>
    );
  }
  return (
    <article {...attributes}>
      {thumbnail && !thumbFailed && (
        <img class="thumb" src={thumbnail} alt="" loading="lazy" decoding="async" width={640} height={320} referrerpolicy="no-referrer" onError={() => setThumbFailed(true)} />
      )}
      <div class="card-body">
        {head}
        <p class="card-meta">
          <PaperMeta paper={paper} full />
          {extras?.spark && <Sparkline series={extras.spark} />}
        </p>
        <CardDiscover reason={view.reason} extras={extras} />
        {authors}
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
