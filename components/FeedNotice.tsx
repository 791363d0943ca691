import { describeFeed, type FeedNoticeProps } from '../utils/pages/feed-notice-text';
import { t } from '../utils/lib/i18n';

/** One line above the list saying what it is and how fresh it is. */
export function FeedNotice(props: FeedNoticeProps) {
  if (props.view === 'bundled') {
    return (
      <p class="notice snapshot" data-role="snapshot-label">
        {t('notice.snapshot')}
      </p>
    );
  }
  const text = describeFeed(props);
  if (!text && !props.busy) return null;
  return (
    <p class="notice" data-role="feed-freshness">
      {props.busy ? `${t('notice.fetching')} ` : ''}
      {text}
    </p>
  );
}
