import { FeedNotice } from '../../components/FeedNotice';
import { SearchSummary } from '../../components/SearchSummary';
import { ViewActions } from '../../components/ViewActions';
import type { ArxivStatus } from '../../utils/data/arxiv-store';
import type { PaperView } from '../../utils/data/papers';
import type { SyncStatus } from '../../utils/data/sync-status';
import type { FeedRefresh } from '../../utils/pages/use-feed-refresh';
import type { ResultsRead } from '../../utils/pages/use-paperboy';
import type { SearchState } from '../../utils/search/use-search';
import type { useTriage } from '../../utils/triage/use-triage';
import { arxivCategory, type ViewId } from '../../utils/views/view-id';

interface Props {
  searching: boolean;
  search: SearchState;
  query: string;
  papers: PaperView[] | undefined;
  /** Which results `papers` are (usePaperboy): all, the first screen, or the last query's. */
  results: ResultsRead;
  shown: PaperView[];
  view: ViewId | undefined;
  status: SyncStatus | undefined;
  arxiv: ArxivStatus | undefined;
  now: number;
  refresh: FeedRefresh;
  triage: ReturnType<typeof useTriage>;
  onRemoved: () => void;
}

/** Above the cards: what the list is (feed freshness, or the search's matches) and its actions. */
export function ListHead({ searching, search, query, papers, results, shown, view, status, arxiv, now, refresh, triage, onRemoved }: Props) {
  const unread = shown.filter((v) => !v.state?.readAt).length;
  const category = arxivCategory(view);
  return (
    <div class="list-head">
      {searching ? (
        <SearchSummary
          search={search}
          results={search.idsFor === query.trim() ? results : 'stale'}
          text={`${results === 'first' ? (search.ids?.length ?? 0) : `${shown.length} of ${papers?.length ?? 0}`} matches for “${query.trim()}” across all ${search.size ?? ''} searchable papers`}
        />
      ) : (
        view && <FeedNotice view={view} status={status} arxiv={arxiv} count={papers?.length} now={now} busy={refresh.busy} />
      )}
      {view && (
        <ViewActions
          view={searching ? 'hf-trending' : view}
          unread={unread}
          busy={refresh.busy}
          needsAccess={refresh.needsAccess}
          onMarkAllRead={triage.markAllRead}
          onExport={triage.exportList}
          onRefresh={refresh.refresh}
          onRemove={category ? () => void refresh.removeCategory(category).then(onRemoved) : undefined}
          onHelp={() => triage.setHelp(!triage.help)}
        />
      )}
    </div>
  );
}
