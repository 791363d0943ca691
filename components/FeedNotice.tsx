import { formatAgo, formatDay } from '../utils/lib/format';
import { periodOf } from '../utils/sync/periods';
import { type SyncStatus } from '../utils/data/sync-status';
import { type ArxivStatus } from '../utils/data/arxiv-store';
import { arxivCategory, type ViewId } from '../utils/views/view-id';

interface Props {
  view: ViewId;
  status: SyncStatus | undefined;
  arxiv: ArxivStatus | undefined;
  count: number | undefined;
  now: number;
  busy?: boolean;
}

/** When a view's papers were fetched, in words: feeds differ in how fresh they can be. */
function freshness({ view, status, arxiv, now }: Props): string | undefined {
  if (view === 'saved') return 'Your saved papers, kept on this device; newest first.';
  if (view === 'history') return 'Papers you opened or marked read, most recent first.';
  const category = arxivCategory(view);
  if (category !== undefined) {
    const fetchedAt = arxiv?.feeds[category]?.fetchedAt;
    return fetchedAt ? `Newest arXiv ${category} papers · fetched ${formatAgo(fetchedAt, now)}` : undefined;
  }
  const fetchedAt = status?.feeds[view as keyof SyncStatus['feeds']]?.fetchedAt;
  if (fetchedAt === undefined) return undefined;
  const ago = `updated ${formatAgo(fetchedAt, now)}`;
  if (view === 'hf-daily') {
    const day = status?.feeds['hf-daily']?.day;
    return day ? `Featured on ${formatDay(day)} · ${ago}` : `Today on Hugging Face · ${ago}`;
  }
  if (view === 'hf-week' || view === 'hf-month') return `Featured in ${periodOf(view, fetchedAt)} · ${ago}`;
  return `Trending on Hugging Face · ${ago}`;
}

/** One line under the tabs saying what the list is, how fresh, or why it is empty. */
export function FeedNotice(props: Props) {
  const { view, count, busy } = props;
  if (view === 'bundled') {
    return (
      <p class="notice snapshot" data-role="snapshot-label">
        Bundled snapshot: papers that were trending on Hugging Face when this version shipped. Live papers replace it after the first sync.
      </p>
    );
  }
  const fresh = freshness(props);
  const empty = count === 0 && !busy;
  return (
    <p class="notice" data-role="feed-freshness">
      {busy ? 'Fetching… ' : ''}
      {fresh}
      {empty && (view === 'saved' ? ' Nothing saved yet: press s or ☆ on a paper.' : view === 'history' ? ' Nothing read yet.' : ' Nothing here yet.')}
    </p>
  );
}
