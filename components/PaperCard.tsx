import { useState } from 'preact/hooks';
import { formatAuthors, formatDay } from '../utils/lib/format';
import { safeImageUrl, safeUrl } from '../utils/platform/url';
import { CardDiscover } from './CardDiscover';
import { CardSummary } from './CardSummary';
import { Sparkline } from './Sparkline';
import { PaperActions } from './PaperActions';
import { paperAttributes, type PaperItemProps } from './paper-attributes';
import { PaperLink } from './PaperLink';
import { ReadToggle } from './ReadToggle';

const LINK_LABELS = [
  ['hf', 'Hugging Face'],
  ['arxiv', 'arXiv'],
  ['pdf', 'PDF'],
  ['code', 'Code'],
  ['project', 'Project page'],
] as const;

/** A new-tab card: thumbnail, title, authors, counts, summary, keywords, links and actions. */
export function PaperCard({ view, handlers, first, selected, isNew, extras }: PaperItemProps) {
  const { paper, state, rank } = view;
  const [thumbFailed, setThumbFailed] = useState(false);
  const read = Boolean(state?.readAt);
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
          <span class="rank" title="Rank in this list">#{rank}</span>
          <h2 class="card-title">
            {isNew && <span class="new-pill" title="New since your last visit">New</span>}
            <PaperLink id={paper.id} href={href} onOpen={handlers.open} elementtiming={first ? 'first-paper' : undefined}>
              {paper.title}
            </PaperLink>
          </h2>
          <ReadToggle read={read} title={paper.title} onToggle={() => handlers.toggleRead(paper.id)} />
        </header>
        <p class="card-meta">
          {paper.upvotes !== undefined && <span title="Upvotes on Hugging Face">▲ {paper.upvotes}</span>}
          {extras?.spark && <Sparkline series={extras.spark} />}
          {paper.comments !== undefined && <span>{paper.comments === 1 ? '1 comment' : `${paper.comments} comments`}</span>}
          {paper.githubStars !== undefined && <span title="GitHub stars">★ {paper.githubStars}</span>}
          {paper.featuredOn && <span>{formatDay(paper.featuredOn)}</span>}
          {paper.primaryCategory && <span>{paper.primaryCategory}</span>}
          {paper.organization && <span>{paper.organization}</span>}
        </p>
        <CardDiscover reason={view.reason} extras={extras} />
        {paper.authors.length > 0 && <p class="card-authors">{formatAuthors(paper.authors, 6)}</p>}
        <CardSummary paper={paper} />
        {paper.aiKeywords && (
          <ul class="keywords" aria-label="Keywords">
            {paper.aiKeywords.slice(0, 8).map((keyword) => (
              <li key={keyword}>
                <button type="button" class="chip" title={`Show papers about “${keyword}”`} onClick={() => handlers.keyword?.(keyword)}>
                  {keyword}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="links">
          {LINK_LABELS.map(([key, label]) => {
            const url = safeUrl(paper.links[key]);
            return url ? <a key={key} href={url} target="_blank" rel="noopener noreferrer">{label}</a> : null;
          })}
        </p>
        <PaperActions id={paper.id} title={paper.title} saved={Boolean(state?.savedAt)} handlers={handlers} />
      </div>
    </article>
  );
}
