import type { ViewId } from '../utils/views/view-id';
import { t } from '../utils/lib/i18n';

// The tabs' ids and the list's panel attributes (FeedTabs.tsx), pure: the popup's first screen
// drawn by the entry script (utils/pages/boot/popup-sketch.ts) uses the same.

/** The id of a view's tab, for the list's `aria-labelledby`. */
export const tabId = (view: ViewId) => `tab-${view.replace(/[^\w-]/g, '_')}`;

/** The list's attributes: the panel of the selected tab, or (while searching, no tab selected) search results. */
export function panelAttributes(view: ViewId | undefined): { role?: 'tabpanel'; 'aria-labelledby'?: string; 'aria-label'?: string } {
  return view ? { role: 'tabpanel', 'aria-labelledby': tabId(view) } : { 'aria-label': t('search.results') };
}
