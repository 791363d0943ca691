import { FeedNotice } from '../../components/FeedNotice';
import { FeedTabs } from '../../components/FeedTabs';
import { PaperCard } from '../../components/PaperCard';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { markAllReadAndBadge, openPaper, toggleReadAndBadge } from '../../utils/page-actions';
import { useNow } from '../../utils/use-now';
import { FEED_LABELS, usePaperboy, visibleFeeds } from '../../utils/use-paperboy';

export function App() {
  const { sizes, status, feed, setFeed, papers, syncing, syncError, syncNow } = usePaperboy();
  const now = useNow();
  const unread = papers?.filter((view) => !view.state?.readAt) ?? [];
  return (
    <div class="page">
      <header class="page-head">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" />
          Paperboy
        </h1>
        {sizes && <FeedTabs feeds={visibleFeeds(sizes)} current={feed} labels={FEED_LABELS} counts={sizes} onSelect={setFeed} />}
        <div class="head-actions">
          <SyncStatusBar status={status} syncing={syncing} error={syncError} now={now} onSync={syncNow} />
          {unread.length > 0 && (
            <button type="button" class="btn" data-action="mark-all-read" onClick={() => markAllReadAndBadge(unread.map((v) => v.paper.id))}>
              Mark all read
            </button>
          )}
        </div>
      </header>
      <main>
        {feed && <FeedNotice feed={feed} status={status} count={papers?.length} />}
        <div class="cards">
          {papers?.map((view, i) => (
            <PaperCard key={view.paper.id} view={view} first={i === 0} onOpen={openPaper} onToggle={toggleReadAndBadge} />
          ))}
        </div>
      </main>
    </div>
  );
}
