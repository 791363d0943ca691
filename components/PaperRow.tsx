import { formatAuthors } from '../utils/lib/format';
import { safeUrl } from '../utils/platform/url';
import { PaperActions } from './PaperActions';
import { paperAttributes, type PaperItemProps } from './paper-attributes';
import { PaperLink } from './PaperLink';
import { ReadToggle } from './ReadToggle';

/** One compact popup line: rank, title, upvotes, first authors, the AI one-liner, actions. */
export function PaperRow({ view, handlers, first, selected, isNew }: PaperItemProps) {
  const { paper, state, rank } = view;
  const read = Boolean(state?.readAt);
  const href = safeUrl(paper.links.hf) ?? safeUrl(paper.links.arxiv) ?? '';
  return (
    <li {...paperAttributes(view, { kind: 'row', selected, isNew, onSelect: handlers.select })}>
      <span class="rank" aria-hidden="true">{rank}</span>
      <div class="row-body">
        <PaperLink id={paper.id} href={href} onOpen={handlers.open} class="row-title" elementtiming={first ? 'first-paper' : undefined}>
          {paper.title}
        </PaperLink>
        <div class="row-meta">
          {isNew && <span class="new-pill" title="New since your last visit">New</span>}
          {paper.upvotes !== undefined && <span class="upvotes" title="Upvotes on Hugging Face">▲ {paper.upvotes}</span>}
          {paper.authors.length > 0 && <span class="authors">{formatAuthors(paper.authors, 2)}</span>}
        </div>
        {paper.aiSummary && <p class="row-summary">{paper.aiSummary}</p>}
      </div>
      <PaperActions id={paper.id} title={paper.title} saved={Boolean(state?.savedAt)} handlers={handlers} compact />
      <ReadToggle read={read} title={paper.title} onToggle={() => handlers.toggleRead(paper.id)} />
    </li>
  );
}
