import type { ComponentChildren } from 'preact';
import { FeedNotice } from '../../components/FeedNotice';
import { Toast } from '../../components/Toast';
import { ViewActions } from '../../components/ViewActions';
import type { ArxivStatus } from '../../utils/data/arxiv-store';
import type { PaperView } from '../../utils/data/papers';
import type { SyncStatus } from '../../utils/data/sync-status';
import { countOf } from '../../utils/lib/format';
import type { FeedRefresh } from '../../utils/pages/use-feed-refresh';
import type { SearchState } from '../../utils/search/use-search';
import type { useTriage } from '../../utils/triage/use-triage';
import { arxivCategory, type ViewId } from '../../utils/views/view-id';

interface Props {
  searching: boolean;
  search: SearchState;
  query: string;
  papers: PaperView[] | undefined;
  shown: PaperView[];
  view: ViewId | undefined;
  status: SyncStatus | undefined;
  arxiv: ArxivStatus | undefined;
  now: number;
  refresh: FeedRefresh;
  triage: ReturnType<typeof useTriage>;
  /** The layout switch (cards or list), among the list's actions. */
  layout?: ComponentChildren;
  onRemoved: () => void;
}

/** "18 matches for “attention”", or "3 of 18 matches shown" when filters narrow them. */
function searchSummary({ search, query, papers, shown }: Props): string {
  if (!search.ids || !papers) return 'Searching…';
  if (papers.length === 0) return `No matches for “${query.trim()}”`;
  const matches = countOf(papers.length, { one: 'match', other: 'matches' });
  const of = shown.length < papers.length ? `${shown.length} of ${matches} shown` : matches;
  return `${of} for “${query.trim()}” among ${countOf(search.size ?? 0, { one: 'stored paper', other: 'stored papers' })}`;
}

/**
 * The bar above the list, kept in view while the list scrolls: what the list is (or the message
 * of the moment, in the same place, covering nothing) and the actions on the whole list.
 */
export function ListHead(props: Props) {
  const { searching, papers, shown, view, status, arxiv, now, refresh, triage, onRemoved } = props;
  const category = arxivCategory(view);
  return (
    <div class="list-head">
      <div class="list-head-text">
        <Toast message={triage.message} onClose={triage.closeMessage} onUndone={triage.focusCurrent} />
        {!triage.message &&
          (searching ? (
            <p class="notice" data-role="search-summary">
              {searchSummary(props)}
            </p>
          ) : (
            view && <FeedNotice view={view} status={status} arxiv={arxiv} now={now} busy={refresh.busy} />
          ))}
      </div>
      {view && (
        <ViewActions
          view={searching ? 'hf-trending' : view}
          unread={shown.filter((v) => !v.state?.readAt).length}
          count={papers?.length ?? 0}
          busy={refresh.busy}
          needsAccess={refresh.needsAccess}
          onMarkAllRead={triage.markAllRead}
          onExport={triage.exportList}
          onRefresh={refresh.refresh}
          onRemove={category ? () => void refresh.removeCategory(category).then(onRemoved) : undefined}
          onHelp={() => triage.setHelp(!triage.help)}
        >
          {props.layout}
        </ViewActions>
      )}
    </div>
  );
}
