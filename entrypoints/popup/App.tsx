import { useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FeedNotice } from '../../components/FeedNotice';
import { FeedTabs } from '../../components/FeedTabs';
import { KeyHelp } from '../../components/KeyHelp';
import { PaperRow } from '../../components/PaperRow';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { Toast } from '../../components/Toast';
import { useNow } from '../../utils/pages/use-now';
import { usePaperboy } from '../../utils/pages/use-paperboy';
import { viewLabel, visibleViews } from '../../utils/views/view-id';
import { MIN_QUERY_LENGTH, useSearch } from '../../utils/search/use-search';
import { isNewSince, useLastVisit } from '../../utils/triage/use-last-visit';
import { useTriage } from '../../utils/triage/use-triage';
import { useSettings } from '../../utils/settings/use-settings';
import { useViewState } from '../../utils/views/use-view-state';
import { PopupHead } from './PopupHead';

const OPTIONS_URL = '/options.html';

export function App() {
  const [state, update] = useViewState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  // The popup lives for seconds: its index is built only when the user starts a search.
  const search = useSearch(state.q, false);
  const searching = state.q.trim().length >= MIN_QUERY_LENGTH;
  const settings = useSettings();
  const { counts, status, arxiv, view, papers, syncing, syncError, syncNow } = usePaperboy(state.feed, searching ? (search.ids ?? []) : undefined, settings);
  const lastVisit = useLastVisit();
  const now = useNow();
  const shown = useMemo(() => papers ?? [], [papers]);
  const triage = useTriage(shown, () => searchRef.current?.focus());
  const unread = useMemo(() => shown.filter((v) => !v.state?.readAt), [shown]);
  // The full view is the new tab's page, on the popup's view: in Lite, and with an empty new tab, the way to see it.
  const fullView = browser.runtime.getURL(`/newtab.html${view ? `?feed=${encodeURIComponent(view)}` : ''}`);
  return (
    <main class="popup-main">
      <PopupHead
        query={state.q}
        search={search}
        searchRef={searchRef}
        onInput={(q) => update({ q })}
        fullView={fullView}
        onFullView={() => void browser.tabs.create({ url: fullView })}
        optionsUrl={browser.runtime.getURL(OPTIONS_URL)}
        onOptions={() => void browser.runtime.openOptionsPage()}
      />
      {counts && <FeedTabs views={visibleViews(counts.sizes, [], true, settings.liveFeeds, view)} current={view} label={viewLabel} counts={counts.byView} dimmed={searching} onSelect={(feed) => update({ feed, q: '' })} />}
      <SyncStatusBar status={status} syncing={syncing} error={syncError} now={now} onSync={syncNow} periodMinutes={settings.syncPeriodMinutes} />
      {searching ? (
        <p class="notice" data-role="search-summary">{search.ids ? `${shown.length} matches for “${state.q.trim()}”` : 'Searching…'}</p>
      ) : (
        view && <FeedNotice view={view} status={status} arxiv={arxiv} count={papers?.length} now={now} />
      )}
      <ol class="rows">
        {shown.map((v, i) => (
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
