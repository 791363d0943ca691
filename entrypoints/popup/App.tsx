import { Brand } from '../../components/Brand';
import { useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FeedNotice } from '../../components/FeedNotice';
import { FeedTabs } from '../../components/FeedTabs';
import { KeyHelp } from '../../components/KeyHelp';
import { PaperRow } from '../../components/PaperRow';
import { SearchBox } from '../../components/SearchBox';
import { SearchSummary } from '../../components/SearchSummary';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { Toast } from '../../components/Toast';
import { useNow } from '../../utils/pages/use-now';
import { usePaperboy } from '../../utils/pages/use-paperboy';
import { FIRST_CARDS, useProgressive } from '../../utils/pages/use-progressive';
import { viewLabel, visibleViews } from '../../utils/views/view-id';
import { MIN_QUERY_LENGTH, usePreloadSearch, useSearch } from '../../utils/search/use-search';
import { isNewSince, useLastVisit } from '../../utils/triage/use-last-visit';
import { useTriage } from '../../utils/triage/use-triage';
import { useViewState } from '../../utils/views/use-view-state';

export function App() {
  const [state, update] = useViewState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const search = useSearch(state.q);
  const searching = state.q.trim().length >= MIN_QUERY_LENGTH;
  const { counts, status, arxiv, view, papers, results, syncing, syncError, syncNow } = usePaperboy(state.feed, searching ? (search.ids ?? []) : undefined, true);
  usePreloadSearch(papers !== undefined, search.prepare);
  const lastVisit = useLastVisit();
  const now = useNow();
  const shown = useMemo(() => papers ?? [], [papers]);
  const triage = useTriage(shown, () => searchRef.current?.focus());
  const cards = useProgressive(shown, state.q.trim(), searching ? FIRST_CARDS : Infinity);
  const unread = useMemo(() => shown.filter((v) => !v.state?.readAt), [shown]);
  const fullView = browser.runtime.getURL('/newtab.html');
  return (
    <main class="popup-main">
      <header class="popup-head">
        <Brand />
        <SearchBox value={state.q} search={search} inputRef={searchRef} onInput={(q) => update({ q })} onPrepare={search.prepare} />
        <a
          class="btn ghost"
          href={fullView}
          data-action="full-view"
          onClick={(event) => {
            event.preventDefault();
            void browser.tabs.create({ url: fullView });
          }}
        >
          Full view ↗
        </a>
      </header>
      {counts && <FeedTabs views={visibleViews(counts.sizes, [], true)} current={view} label={viewLabel} counts={counts.byView} dimmed={searching} onSelect={(feed) => update({ feed, q: '' })} />}
      <SyncStatusBar status={status} syncing={syncing} error={syncError} now={now} onSync={syncNow} />
      {searching ? (
        <SearchSummary search={search} results={search.idsFor === state.q.trim() ? results : 'stale'} text={`${results === 'first' ? (search.ids?.length ?? 0) : shown.length} matches for “${state.q.trim()}”`} />
      ) : (
        view && <FeedNotice view={view} status={status} arxiv={arxiv} count={papers?.length} now={now} />
      )}
      <ol class="rows">
        {cards.map((v, i) => (
          <PaperRow key={v.paper.id} view={v} first={i === 0} handlers={triage.handlers} selected={v.paper.id === triage.selected} isNew={isNewSince(v, lastVisit)} />
        ))}
      </ol>
      <footer class="popup-foot">
        <button type="button" class="btn ghost" data-action="key-help" onClick={() => triage.setHelp(!triage.help)} title="Keyboard shortcuts (?)">
          ? keys
        </button>
        {unread.length > 0 && (
          <button type="button" class="btn" data-action="mark-all-read" onClick={triage.markAllRead}>
            Mark all {unread.length} read
          </button>
        )}
      </footer>
      {triage.help && <KeyHelp onClose={() => triage.setHelp(false)} />}
      <Toast message={triage.message} onClose={() => triage.setMessage(undefined)} />
    </main>
  );
}
