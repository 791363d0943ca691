import type { PaperView } from '../utils/data/papers';
import type { PaperHandlers } from '../utils/triage/types';
import { ActionButton } from './ActionButton';

interface Props {
  view: PaperView;
  handlers: PaperHandlers;
  /** Rows (the popup, the compact list): save and hide as icons, no citations. */
  compact?: boolean;
}

/**
 * What can be done to one paper: mark read or unread, save, hide ("not interested") or, in the
 * Hidden list, restore, and (on cards) copy a citation.
 */
export function PaperActions({ view, handlers, compact }: Props) {
  const { paper, state } = view;
  const { id, title } = paper;
  const read = Boolean(state?.readAt);
  const saved = Boolean(state?.savedAt);
  return (
    <div class="paper-actions">
      <ActionButton
        action="toggle-read"
        class="read-toggle"
        glyph={read ? '↺' : '✓'}
        text={read ? 'Mark unread' : 'Mark read'}
        paper={title}
        title={read ? 'Mark unread (m)' : 'Mark read (m)'}
        onClick={() => handlers.toggleRead(id)}
      />
      <ActionButton
        action="save"
        class={saved ? 'is-saved' : ''}
        glyph={saved ? '★' : '☆'}
        text={saved ? 'Saved' : 'Save'}
        paper={title}
        iconOnly={compact}
        pressed={saved}
        title={saved ? 'Saved: click or press s to unsave' : 'Save for later (s)'}
        onClick={() => handlers.save(id)}
      />
      {state?.dismissedAt ? (
        <ActionButton action="restore" glyph="↩" text="Restore" paper={title} title="Bring it back to your lists (Shift+X)" onClick={() => handlers.restore(id)} />
      ) : (
        <ActionButton action="dismiss" glyph="✕" text="Hide" paper={title} iconOnly={compact} title="Not interested: hide it everywhere (Shift+X); the Hidden list keeps it" onClick={() => handlers.dismiss(id)} />
      )}
      {!compact && (
        // The two citations wrap together: never "Markdown" alone on a line.
        <span class="cite-actions">
          <ActionButton action="copy-bibtex" text="BibTeX" paper={title} title="Copy its BibTeX entry" onClick={() => handlers.cite(id, 'bibtex')} />
          <ActionButton action="copy-markdown" text="Markdown" paper={title} title="Copy a Markdown link to it" onClick={() => handlers.cite(id, 'markdown')} />
        </span>
      )}
    </div>
  );
}
