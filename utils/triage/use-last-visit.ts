import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperView } from '../data/papers';
import { recordVisit, type VisitedPage } from '../data/visits';
import { refreshBadgeAfterVisit } from '../platform/badge';
import { usePageDeps } from '../pages/deps';

/**
 * The previous visit to this page (the popup and the new tab each keep their own). The visit is
 * recorded as the page opens, again whenever papers stored since then are shown while the page
 * is visible, and as it is hidden or closed, so papers that arrived and were shown during this
 * visit are not new the next time ("cleared when seen"), and a badge that counts new papers
 * drops them. The write at close alone is not enough: a tab that closes can drop it.
 */
export function useLastVisit(page: VisitedPage, shown: readonly PaperView[] = []): number | undefined {
  const { db, now } = usePageDeps();
  const [previous, setPrevious] = useState<number | undefined>(undefined);
  const recordedAt = useRef(0);
  useEffect(() => {
    const record = async () => {
      const previous = await recordVisit(db, page, (recordedAt.current = now()));
      await refreshBadgeAfterVisit(db);
      return previous;
    };
    record().then(setPrevious, (error) => console.error('Paperboy: visit not recorded', error));
    const onHide = () => {
      if (document.visibilityState === 'hidden') void record();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
    };
  }, [db, now, page]);
  const newestShown = shown.reduce((newest, view) => Math.max(newest, view.paper.firstSeenAt), 0);
  useEffect(() => {
    // Only papers stored after the last record need one more: nothing is written on a view switch.
    if (newestShown <= recordedAt.current || document.visibilityState !== 'visible') return;
    recordVisit(db, page, (recordedAt.current = now()))
      .then(() => refreshBadgeAfterVisit(db))
      .catch((error: unknown) => console.error('Paperboy: visit not recorded', error));
  }, [db, now, page, newestShown]);
  return previous;
}

/** New since the last visit: first stored after it and still unread. Nothing is new on a first visit. */
export function isNewSince(view: PaperView, lastVisit: number | undefined): boolean {
  return lastVisit !== undefined && view.paper.firstSeenAt > lastVisit && !view.state?.readAt;
}
