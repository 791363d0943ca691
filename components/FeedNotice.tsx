import type { FeedId } from '../utils/db';
import { formatDay } from '../utils/format';
import type { SyncStatus } from '../utils/papers';

interface Props {
  feed: FeedId;
  status: SyncStatus | undefined;
  count: number | undefined;
}

/** One line under the tabs saying what the list is: a snapshot, a featured day, or empty. */
export function FeedNotice({ feed, status, count }: Props) {
  if (feed === 'bundled') {
    return (
      <p class="notice snapshot" data-role="snapshot-label">
        Bundled snapshot: papers that were trending on Hugging Face when this version shipped. Live papers replace it after the first sync.
      </p>
    );
  }
  if (count === 0) {
    return <p class="notice">Nothing here yet. Sync to fetch the latest papers.</p>;
  }
  const day = feed === 'hf-daily' ? status?.feeds['hf-daily']?.day : undefined;
  return day ? <p class="notice">Featured on {formatDay(day)}</p> : null;
}
