import { formatAuthors } from '../utils/lib/format';
import { CardDiscover } from './CardDiscover';
import { PaperActions } from './PaperActions';
import { Sparkline } from './Sparkline';
import { paperAttributes, paperHref, type PaperItemProps } from './paper-attributes';
import { PaperLink } from './PaperLink';
import { NewPill, PaperMeta } from './PaperMeta';
import { t } from '../utils/lib/i18n';

/**
 * One compact line for a paper (the popup, and the new tab's list layout): rank, title, upvotes,
 * first authors, the AI one-liner, and its actions.
 */
export function PaperRow({ view, handlers, first, selected, isNew, extras, shell }: PaperItemProps) {
  const { paper, rank } = view;
  const attributes = paperAttributes(view, { kind: 'row', selected, isNew, onSelect: handlers.select, extras });
  if (shell) return <li {...attributes} data-shell="" />;
  const href = paperHref(paper);
  return (
    <li {...attributes}>
      <span class="rank">
        <span class="sr-only">{t('paper.number')} </span>
        {rank}
      </span>
      <div class="row-body">
        {/* Element Timing reports text on its block container: this line carries the mark the bench measures. */}
        <div class="row-head" elementtiming={first ? 'first-paper' : undefined}>
          {isNew && <NewPill />}
          <PaperLink id={paper.id} href={href} onOpen={handlers.open} class="row-title">
            {paper.title}
          </PaperLink>
        </div>
        <div class="row-line">
          <div class="row-meta">
            <PaperMeta paper={paper} />
            {extras?.spark && <Sparkline series={extras.spark} />}
            {paper.authors.length > 0 && <span class="authors">{formatAuthors(paper.authors, 2)}</span>}
          </div>
          <PaperActions view={view} handlers={handlers} compact />
        </div>
        <CardDiscover reason={view.reason} extras={extras} />
        {paper.aiSummary && <p class="row-summary">{paper.aiSummary}</p>}
      </div>
    </li>
  );
}
