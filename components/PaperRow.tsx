import { formatAuthors } from '../utils/format';
import type { PaperView } from '../utils/papers';
import { safeUrl } from '../utils/url';
import { PaperLink, type OpenHandler } from './PaperLink';
import { ReadToggle } from './ReadToggle';

interface Props {
  view: PaperView;
  onOpen: OpenHandler;
  onToggle: (id: string) => void;
  first?: boolean;
}

/** One compact popup line: rank, title, upvotes, first authors, the AI one-liner. */
export function PaperRow({ view: { paper, state, rank }, onOpen, onToggle, first }: Props) {
  const read = Boolean(state?.readAt);
  const href = safeUrl(paper.links.hf) ?? safeUrl(paper.links.arxiv) ?? '';
  return (
    <li class={`row ${read ? 'read' : 'unread'}`} data-paper-id={paper.id} data-read={String(read)}>
      <span class="rank" aria-hidden="true">{rank}</span>
      <div class="row-body">
        <PaperLink id={paper.id} href={href} onOpen={onOpen} class="row-title" elementtiming={first ? 'first-paper' : undefined}>
          {paper.title}
        </PaperLink>
        <div class="row-meta">
          {paper.upvotes !== undefined && <span class="upvotes" title="Upvotes on Hugging Face">▲ {paper.upvotes}</span>}
          {paper.authors.length > 0 && <span class="authors">{formatAuthors(paper.authors, 2)}</span>}
        </div>
        {paper.aiSummary && <p class="row-summary">{paper.aiSummary}</p>}
      </div>
      <ReadToggle read={read} title={paper.title} onToggle={() => onToggle(paper.id)} />
    </li>
  );
}
