import { useState } from 'preact/hooks';
import { formatAuthors, formatDay } from '../utils/format';
import type { PaperView } from '../utils/papers';
import { safeImageUrl, safeUrl } from '../utils/url';
import { PaperLink, type OpenHandler } from './PaperLink';
import { ReadToggle } from './ReadToggle';

interface Props {
  view: PaperView;
  onOpen: OpenHandler;
  onToggle: (id: string) => void;
  first?: boolean;
}

const LINK_LABELS = [
  ['hf', 'Hugging Face'],
  ['arxiv', 'arXiv'],
  ['pdf', 'PDF'],
  ['code', 'Code'],
  ['project', 'Project page'],
] as const;

/** A new-tab card: thumbnail, title, authors, counts, summary, keywords and links. */
export function PaperCard({ view: { paper, state, rank }, onOpen, onToggle, first }: Props) {
  const [expanded, setExpanded] = useState(false);
  const [thumbFailed, setThumbFailed] = useState(false);
  const read = Boolean(state?.readAt);
  // Gated again at render: rows stored by an older, laxer version keep their old URLs.
  const href = safeUrl(paper.links.hf) ?? safeUrl(paper.links.arxiv) ?? '';
  const thumbnail = safeImageUrl(paper.thumbnail);
  // The AI one-liner when there is one, else the abstract clamped to a few lines; either way the
  // whole abstract is one click away.
  const showAbstract = expanded || !paper.aiSummary;
  const expandable = paper.summary !== '' && (paper.aiSummary !== undefined || paper.summary.length > 280);
  return (
    <article class={`card ${read ? 'read' : 'unread'}`} data-paper-id={paper.id} data-read={String(read)}>
      {thumbnail && !thumbFailed && (
        <img
          class="thumb"
          src={thumbnail}
          alt=""
          loading="lazy"
          decoding="async"
          width={640}
          height={320}
          referrerpolicy="no-referrer"
          onError={() => setThumbFailed(true)}
        />
      )}
      <div class="card-body">
        <header class="card-head">
          <span class="rank" title="Rank in this feed">#{rank}</span>
          <h2 class="card-title">
            <PaperLink id={paper.id} href={href} onOpen={onOpen} elementtiming={first ? 'first-paper' : undefined}>
              {paper.title}
            </PaperLink>
          </h2>
          <ReadToggle read={read} title={paper.title} onToggle={() => onToggle(paper.id)} />
        </header>
        <p class="card-meta">
          {paper.upvotes !== undefined && <span title="Upvotes on Hugging Face">▲ {paper.upvotes}</span>}
          {paper.comments !== undefined && <span>{paper.comments === 1 ? '1 comment' : `${paper.comments} comments`}</span>}
          {paper.githubStars !== undefined && <span title="GitHub stars">★ {paper.githubStars}</span>}
          {paper.featuredOn && <span>{formatDay(paper.featuredOn)}</span>}
          {paper.organization && <span>{paper.organization}</span>}
        </p>
        {paper.authors.length > 0 && <p class="card-authors">{formatAuthors(paper.authors, 6)}</p>}
        {showAbstract ? (
          paper.summary && <p class={`card-summary ${expandable && !expanded ? 'clamped' : ''}`}>{paper.summary}</p>
        ) : (
          <p class="card-summary">
            <span class="ai-label">AI summary · </span>
            {paper.aiSummary}
          </p>
        )}
        {expandable && (
          <button type="button" class="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show less' : 'Show abstract'}
          </button>
        )}
        {paper.aiKeywords && (
          <ul class="keywords" aria-label="Keywords">
            {paper.aiKeywords.slice(0, 8).map((keyword) => (
              <li key={keyword}>{keyword}</li>
            ))}
          </ul>
        )}
        <p class="links">
          {LINK_LABELS.map(([key, label]) => {
            const url = safeUrl(paper.links[key]);
            return url ? (
              <a key={key} href={url} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            ) : null;
          })}
        </p>
      </div>
    </article>
  );
}
