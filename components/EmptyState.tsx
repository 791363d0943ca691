import type { SyncStatus } from '../utils/data/sync-status';
import { arxivCategory, type ViewId } from '../utils/views/view-id';

export interface EmptyActions {
  clearSearch(): void;
  clearFilters(): void;
  sync(): void;
  /** Opens another list (the bundled snapshot while nothing is synced). */
  open(view: ViewId): void;
}

interface Props {
  view: ViewId | undefined;
  /** The search text, when the list is a search's results. */
  query?: string;
  /** The list has papers, but the filters leave none. */
  filtered: boolean;
  status: SyncStatus | undefined;
  /** The bundled snapshot holds papers to fall back on. */
  snapshot: boolean;
  actions: EmptyActions;
}

const LISTS: Partial<Record<ViewId, string>> = {
  saved: 'Nothing saved yet. Save a paper (s, or ☆ Save) and it waits here.',
  history: 'Nothing read yet: papers you open or mark read are listed here.',
  hidden: 'Nothing hidden. A paper you hide (Shift+X, or ✕ Hide) leaves every list and waits here in case you change your mind.',
};

/** Why a feed is empty, from the last sync's outcome. */
function feedReason(status: SyncStatus | undefined): string {
  const error = status?.lastError;
  if (error && (status?.lastSuccessAt === undefined || error.at >= status.lastSuccessAt)) {
    return error.kind === 'offline' ? 'Paperboy could not reach Hugging Face: you seem to be offline.' : `The last sync failed: ${error.message}.`;
  }
  return status?.lastSuccessAt === undefined ? 'Paperboy has not synced yet.' : 'Hugging Face listed no papers here at the last sync.';
}

/** What an empty list says, and the next step it offers. */
export function EmptyState({ view, query, filtered, status, snapshot, actions }: Props) {
  let text: string;
  let buttons: [label: string, run: () => void][] = [];
  if (query !== undefined) {
    text = `No stored paper matches “${query}”. Check the spelling, use fewer words, or type the start of a word.`;
    buttons = [['Clear search', actions.clearSearch]];
  } else if (filtered) {
    text = 'No paper in this list passes the filters.';
    buttons = [['Clear filters', actions.clearFilters]];
  } else if (view && LISTS[view]) {
    text = LISTS[view]!;
  } else if (arxivCategory(view) !== undefined) {
    text = 'No papers fetched for this category yet.';
  } else {
    text = `Nothing here yet. ${feedReason(status)}`;
    buttons = [['Sync now', actions.sync]];
    if (snapshot && view !== 'bundled') buttons.push(['Show the bundled snapshot', () => actions.open('bundled')]);
  }
  return (
    <div class="empty" data-role="empty">
      <p>{text}</p>
      {buttons.map(([label, run]) => (
        <button key={label} type="button" class="btn" onClick={run}>
          {label}
        </button>
      ))}
    </div>
  );
}
