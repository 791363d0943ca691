import { browser } from 'wxt/browser';
import { FeedTabs } from '../../components/FeedTabs';
import { PaperRow } from '../../components/PaperRow';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { useNow } from '../../utils/use-now';
import { markAllReadAndBadge, openPaper, toggleReadAndBadge } from '../../utils/page-actions';
import { FEED_LABELS, usePaperboy, visibleFeeds } from '../../utils/use-paperboy';
import { FeedNotice } from '../../components/FeedNotice';

export function App() {
  const { sizes, status, feed, setFeed, papers, syncing, syncError, syncNow } = usePaperboy();
  const now = useNow();
  const unread = papers?.filter((view) => !view.state?.readAt) ?? [];
  return (
    <main class="popup-main">
      <header class="popup-head">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" />
          Paperboy
        </h1>
        <a
          class="btn ghost"
          href={browser.runtime.getURL('/newtab.html')}
          data-action="full-view"
          onClick={(event) => {
            event.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL('/newtab.html') });
          }}
        >
          Full view ↗
        </a>
      </header>
      {sizes && <FeedTabs feeds={visibleFeeds(sizes)} current={feed} labels={FEED_LABELS} counts={sizes} onSelect={setFeed} />}
      <SyncStatusBar status={status} syncing={syncing} error={syncError} now={now} onSync={syncNow} />
      {feed && <FeedNotice feed={feed} status={status} count={papers?.length} />}
      <ol class="rows">
        {papers?.map((view, i) => (
          <PaperRow key={view.paper.id} view={view} first={i === 0} onOpen={openPaper} onToggle={toggleReadAndBadge} />
        ))}
      </ol>
      {unread.length > 0 && (
        <footer class="popup-foot">
          <button type="button" class="btn" data-action="mark-all-read" onClick={() => markAllReadAndBadge(unread.map((v) => v.paper.id))}>
            Mark all {unread.length} read
          </button>
        </footer>
      )}
    </main>
  );
}
