import type { ComponentChildren } from 'preact';
import { FeedNotice } from '../../components/FeedNotice';
import { SearchSummary } from '../../components/SearchSummary';
import { Toast } from '../../components/Toast';
import { ViewActions } from '../../components/ViewActions';
import type { ArxivStatus } from '../../utils/data/arxiv-store';
import type { PaperView } from '../../utils/data/papers';
import type { SyncStatus } from '../../utils/data/sync-status';
import { countOf } from '../../utils/lib/format';
import type { FeedRefresh } from '../../utils/pages/use-feed-refresh';
import type { ResultsRead } from '../../utils/pages/use-paperboy';
import { matchesText, type SearchState } from '../../utils/search/use-search';
import type { useTriage } from '../../utils/triage/use-triage';
import { arxivCategory, type ViewId } from '../../utils/views/view-id';
import { t } from '../../utils/lib/i18n';

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
  /** The layout switch (cards or list), among the list's actions. */
  layout?: ComponentChildren;
  onRemoved: () => void;
}

/** "18 matches for “attention” among 10,088 stored papers", with matchesText's counts. */
function searchSummary({ search, query, papers, results, shown }: Props): string {
  if (!search.ids || !papers) return t('search.searching');
  // The first screen of results, before all of them are read: the index's count.
  const listed = results === 'first' ? search.ids.length : papers.length;
  if (listed === 0) return t('search.noMatches', [query.trim()]);
  const of = matchesText(search, listed, results === 'first' ? undefined : shown.length);
  return t('search.among', [of, query.trim(), countOf(search.size ?? 0, 'search.storedPapers')]);
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
            <SearchSummary search={props.search} results={props.search.idsFor === props.query.trim() ? props.results : 'stale'} text={searchSummary(props)} />
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
