import { useEffect, useState } from 'preact/hooks';
import type { PaperView } from '../data/papers';
import { recordVisit } from '../data/visits';
import { refreshBadgeAfterVisit } from '../platform/badge';
import { usePageDeps } from '../pages/deps';

/**
 * The previous visit to a Paperboy page. The visit is recorded as the page opens and again as
 * it is hidden or closed, so papers that arrived and were shown during this visit are not new
 * the next time ("cleared when seen"), and a badge that counts new papers drops them.
 */
export function useLastVisit(): number | undefined {
  const { db, now } = usePageDeps();
  const [previous, setPrevious] = useState<number | undefined>(undefined);
  useEffect(() => {
    const record = async () => {
      const previous = await recordVisit(db, now());
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
  }, [db, now]);
  return previous;
}

/** New since the last visit: first stored after it and still unread. Nothing is new on a first visit. */
export function isNewSince(view: PaperView, lastVisit: number | undefined): boolean {
  return lastVisit !== undefined && view.paper.firstSeenAt > lastVisit && !view.state?.readAt;
}
