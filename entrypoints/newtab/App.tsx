import { useMemo, useRef } from 'preact/hooks';
import { ArxivAdd } from '../../components/ArxivAdd';
import { FeedNotice } from '../../components/FeedNotice';
import { FeedTabs } from '../../components/FeedTabs';
import { FilterBar } from '../../components/FilterBar';
import { KeyHelp } from '../../components/KeyHelp';
import { PaperCard } from '../../components/PaperCard';
import { SearchBox } from '../../components/SearchBox';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { Toast } from '../../components/Toast';
import { ViewActions } from '../../components/ViewActions';
import { useFeedRefresh } from '../../utils/pages/use-feed-refresh';
import { useNow } from '../../utils/pages/use-now';
import { usePaperboy } from '../../utils/pages/use-paperboy';
import { arxivCategory, arxivFeed, viewLabel, visibleViews } from '../../utils/views/view-id';
import { MIN_QUERY_LENGTH, useSearch } from '../../utils/search/use-search';
import { isNewSince, useLastVisit } from '../../utils/triage/use-last-visit';
import { useTriage } from '../../utils/triage/use-triage';
import { useViewState } from '../../utils/views/use-view-state';
import { applyView, hasFilters, topKeywords } from '../../utils/views/view-state';

export function App() {
  const [state, update] = useViewState(true);
  const searchRef = useRef<HTMLInputElement>(null);
  const search = useSearch(state.q, true);
  const searching = state.q.trim().length >= MIN_QUERY_LENGTH;
  const { counts, status, arxiv, view, papers, syncing, syncError, syncNow } = usePaperboy(state.feed, searching ? (search.ids ?? []) : undefined);
  const refresh = useFeedRefresh(searching ? undefined : view, status, arxiv);
  const lastVisit = useLastVisit();
  const now = useNow();
  const shown = useMemo(() => applyView(papers ?? [], state), [papers, state]);
  const keywords = useMemo(() => topKeywords(papers ?? []), [papers]);
  const triage = useTriage(shown, () => searchRef.current?.focus());
  const unread = shown.filter((v) => !v.state?.readAt).length;
  const category = arxivCategory(view);
  const filtered = papers !== undefined && shown.length < papers.length;

  return (
    <div class="page">
      <header class="page-head">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" />
          Paperboy
        </h1>
        <SearchBox value={state.q} search={search} inputRef={searchRef} onInput={(q) => update({ q })} />
        <div class="head-actions">
          <SyncStatusBar status={status} syncing={syncing} error={syncError} now={now} onSync={syncNow} />
        </div>
      </header>
      <div class="view-bar">
        {counts && (
          <FeedTabs views={visibleViews(counts.sizes, arxiv?.categories ?? [], false)} current={view} label={viewLabel} counts={counts.byView} dimmed={searching} onSelect={(feed) => update({ feed, q: '' })} />
        )}
        <ArxivAdd existing={arxiv?.categories ?? []} onAdd={(c) => void refresh.addCategory(c).then((ok) => ok && update({ feed: arxivFeed(c), q: '' }))} />
      </div>
      <FilterBar state={state} keywords={keywords} searching={searching} onChange={update} />
      <main>
        <div class="list-head">
          {searching ? (
            <p class="notice" data-role="search-summary">
              {search.ids ? `${shown.length} of ${papers?.length ?? 0} matches for “${state.q.trim()}” across all ${search.size ?? ''} stored papers` : 'Searching…'}
            </p>
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
              onRemove={category ? () => void refresh.removeCategory(category).then(() => update({ feed: undefined })) : undefined}
              onHelp={() => triage.setHelp(!triage.help)}
            />
          )}
        </div>
        {refresh.error && <p class="notice tone-warn" role="alert" data-role="feed-error">{refresh.error}</p>}
        {filtered && hasFilters(state) && (
          <p class="notice">
            {shown.length} of {papers.length} shown.{' '}
            <button type="button" class="link-button" onClick={() => update({ keyword: undefined, code: false, minUpvotes: undefined, from: undefined, to: undefined, unread: false })}>
              Clear filters
            </button>
          </p>
        )}
        <div class="cards">
          {shown.map((v, i) => (
            <PaperCard key={v.paper.id} view={v} first={i === 0} handlers={{ ...triage.handlers, keyword: (keyword) => update({ keyword }) }} selected={v.paper.id === triage.selected} isNew={isNewSince(v, lastVisit)} />
          ))}
        </div>
      </main>
      {triage.help && <KeyHelp onClose={() => triage.setHelp(false)} />}
      <Toast message={triage.message} onClose={() => triage.setMessage(undefined)} />
    </div>
  );
}
