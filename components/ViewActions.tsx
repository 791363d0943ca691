import type { ExportFormat } from '../utils/triage/citation';
import { isOnDemand, type ViewId } from '../utils/views/view-id';

interface Props {
  view: ViewId;
  unread: number;
  busy: boolean;
  needsAccess: boolean;
  onMarkAllRead: () => void;
  onExport: (format: ExportFormat) => void;
  onRefresh: () => void;
  onRemove?: () => void;
  onHelp: () => void;
}

/** Actions on the whole list: mark all read, export the saved list, refresh an on-demand feed. */
export function ViewActions({ view, unread, busy, needsAccess, onMarkAllRead, onExport, onRefresh, onRemove, onHelp }: Props) {
  const onDemand = isOnDemand(view);
  return (
    <div class="view-actions">
      {unread > 0 && (
        <button type="button" class="btn" data-action="mark-all-read" onClick={onMarkAllRead}>
          Mark {unread} read
        </button>
      )}
      {view === 'saved' && (
        <span class="export" role="group" aria-label="Export saved papers">
          Export:
          <button type="button" class="btn" data-action="export-bibtex" onClick={() => onExport('bibtex')}>BibTeX</button>
          <button type="button" class="btn" data-action="export-markdown" onClick={() => onExport('markdown')}>Markdown</button>
          <button type="button" class="btn" data-action="export-json" onClick={() => onExport('json')}>JSON</button>
        </span>
      )}
      {onDemand && (
        <button type="button" class="btn" data-action="refresh-feed" disabled={busy} onClick={onRefresh}>
          {needsAccess ? 'Allow arXiv access' : busy ? 'Fetching…' : 'Refresh'}
        </button>
      )}
      {onRemove && (
        <button type="button" class="btn ghost" data-action="remove-arxiv" onClick={onRemove}>
          Remove feed
        </button>
      )}
      <button type="button" class="btn ghost" data-action="key-help" onClick={onHelp} title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
}
