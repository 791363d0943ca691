import { Brand } from '../../components/Brand';
import { ArxivAdd } from '../../components/ArxivAdd';
import { FeedTabs } from '../../components/FeedTabs';
import { FilterBar } from '../../components/FilterBar';
import { KeyHelp } from '../../components/KeyHelp';
import { PaperCard } from '../../components/PaperCard';
import { SearchBox } from '../../components/SearchBox';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { Toast } from '../../components/Toast';
import { arxivFeed, viewLabel, visibleViews } from '../../utils/views/view-id';
import { isNewSince } from '../../utils/triage/use-last-visit';
import { hasFilters } from '../../utils/views/view-state';
import { ListHead } from './ListHead';
import type { CardExtras } from '../../utils/pages/use-discover';
import { useNewtab } from './use-newtab';

/**
 * A card a rule pins is a new element at the top, not the old one moved: Chromium does not paint
 * again a moved `content-visibility: auto` card whose contents it had skipped below the fold.
 */
const cardKey = (id: string, extras: CardExtras | undefined) => (extras?.effects?.pinned ? `${id}:pinned` : id);

export function App() {
  const { state, update, searchRef, search, searching, counts, status, arxiv, view, papers, syncing, syncError, syncNow, refresh, shown, extras, keywords, triage, lastVisit, now } = useNewtab();
  const filtered = papers !== undefined && shown.length < papers.length;

  return (
    <div class="page">
      <header class="page-head">
        <Brand />
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
        <ListHead {...{ searching, search, query: state.q, papers, shown, view, status, arxiv, now, refresh, triage }} onRemoved={() => update({ feed: undefined })} />
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
            <PaperCard key={cardKey(v.paper.id, extras.get(v.paper.id))} view={v} first={i === 0} handlers={{ ...triage.handlers, keyword: (keyword) => update({ keyword }) }} selected={v.paper.id === triage.selected} isNew={isNewSince(v, lastVisit)} extras={extras.get(v.paper.id)} />
          ))}
        </div>
      </main>
      {triage.help && <KeyHelp onClose={() => triage.setHelp(false)} />}
      <Toast message={triage.message} onClose={() => triage.setMessage(undefined)} />
    </div>
  );
}
