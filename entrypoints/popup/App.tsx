import { useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EmptyState } from '../../components/EmptyState';
import { FeedNotice } from '../../components/FeedNotice';
import { FeedTabs, panelAttributes } from '../../components/FeedTabs';
import { KeyHelp } from '../../components/KeyHelp';
import { MarkAllRead } from '../../components/MarkAllRead';
import { PaperRow } from '../../components/PaperRow';
import { itemKey, SamePaper, useStableHandlers } from '../../components/SamePaper';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { Toast } from '../../components/Toast';
import { useNow } from '../../utils/pages/use-now';
import { pinnedFirst, useDiscover } from '../../utils/pages/use-discover';
import { usePaperboy } from '../../utils/pages/use-paperboy';
import { FIRST_ROWS, useFirstPaintDone } from '../../utils/pages/use-first-paint';
import { matchesText, MIN_QUERY_LENGTH, usePrepareOnIntent, useSearch } from '../../utils/search/use-search';
import { isNewSince, useLastVisit } from '../../utils/triage/use-last-visit';
import { useTriage } from '../../utils/triage/use-triage';
import { useViewState } from '../../utils/views/use-view-state';
import { useSettings } from '../../utils/settings/use-settings';
import { viewLabel, visibleViews } from '../../utils/views/view-id';
import { localiseDocument, t } from '../../utils/lib/i18n';
import { PopupHead } from './PopupHead';

const OPTIONS_URL = '/options.html';

localiseDocument('appName');

export function App() {
  const [state, update] = useViewState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  // The popup lives for seconds: its search starts when the user is about to search, not before.
  const search = useSearch(state.q);
  usePrepareOnIntent(search.prepare);
  const searching = state.q.trim().length >= MIN_QUERY_LENGTH;
  const settings = useSettings();
  const { sizes, tabCounts, status, arxiv, view, papers, syncing, syncError, syncNow } = usePaperboy(state.feed, searching ? (search.ids ?? []) : undefined, settings);
  const now = useNow();
  const { extras, effects } = useDiscover(view, papers);
  const shown = useMemo(() => pinnedFirst(searching && !search.ids ? [] : (papers ?? []), effects), [papers, searching, search.ids, effects]);
  const painted = useFirstPaintDone(shown.length > 0);
  const lastVisit = useLastVisit('popup', shown);
  const triage = useTriage(shown, () => searchRef.current?.focus());
  const handlers = useStableHandlers(triage.handlers);
  // The full view is the new tab's page, on the popup's view: in Lite, and with an empty new tab, the way to see it.
  const fullView = browser.runtime.getURL(`/newtab.html${view ? `?feed=${encodeURIComponent(view)}` : ''}`);
  const loaded = papers !== undefined && (!searching || search.ids !== undefined);
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
      {sizes && <FeedTabs views={visibleViews(sizes, [], true, settings.liveFeeds, view).filter((v) => v !== 'hidden' || (tabCounts?.hidden ?? 0) > 0 || v === view)} current={view} label={viewLabel} counts={tabCounts} dimmed={searching} panel="papers" onSelect={(feed) => update({ feed, q: '' })} />}
      <SyncStatusBar status={status} syncing={syncing} error={syncError} now={now} onSync={syncNow} periodMinutes={settings.syncPeriodMinutes} />
      {searching ? (
        <p class="notice" data-role="search-summary">{loaded ? t('search.matchesFor', [matchesText(search, shown.length, shown.length), state.q.trim()]) : t('search.searching')}</p>
      ) : (
        view && <FeedNotice view={view} status={status} arxiv={arxiv} now={now} brief />
      )}
      <div id="papers" class="rows-panel" {...panelAttributes(searching ? undefined : view)}>
        <ol class="rows">
          {shown.map((v, i) => (
            <SamePaper key={itemKey(v.paper.id, extras.get(v.paper.id))} item={PaperRow} view={v} first={i === 0} handlers={handlers} selected={v.paper.id === triage.selected} isNew={isNewSince(v, lastVisit)} extras={extras.get(v.paper.id)} shell={!painted && i >= FIRST_ROWS && v.paper.id !== triage.selected} />
          ))}
        </ol>
        {loaded && shown.length === 0 && (
          <EmptyState view={view} query={searching ? state.q.trim() : undefined} filtered={false} status={status} snapshot={(sizes?.bundled ?? 0) > 0} actions={{ clearSearch: () => update({ q: '' }), clearFilters: () => undefined, sync: syncNow, open: (feed) => update({ feed }) }} />
        )}
      </div>
      <Toast message={triage.message} onClose={triage.closeMessage} onUndone={triage.focusCurrent} />
      <footer class="popup-foot">
        <button type="button" class="btn ghost" data-action="key-help" onClick={() => triage.setHelp(!triage.help)} title={t('keys.buttonTitle')} aria-keyshortcuts="?">
          {t('keys.button')}
        </button>
        <MarkAllRead unread={shown.filter((v) => !v.state?.readAt).length} onClick={triage.markAllRead} />
      </footer>
      {triage.help && <KeyHelp onClose={() => triage.setHelp(false)} />}
    </main>
  );
}
