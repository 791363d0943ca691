import type { PaperView } from '../utils/data/papers';
import type { PaperHandlers } from '../utils/triage/types';
import { ActionButton } from './ActionButton';
import { t } from '../utils/lib/i18n';
import { readToggleLook, saveLook } from './paper-attributes';

interface Props {
  view: PaperView;
  handlers: PaperHandlers;
  /** Rows (the popup, the compact list): save and hide as icons, no citations. */
  compact?: boolean;
  /**
   * A brief card (utils/pages/use-near.ts): no citations. Every control of the contract (read,
   * save, hide or restore) stays, the same buttons the whole card keeps (focus stays on them).
   */
  brief?: boolean;
}

/**
 * What can be done to one paper: mark read or unread, save, hide ("not interested") or, in the
 * Hidden list, restore, and (on cards) copy a citation.
 */
export function PaperActions({ view, handlers, compact, brief }: Props) {
  const { paper, state } = view;
  const { id, title } = paper;
  const read = Boolean(state?.readAt);
  return (
    <div class="paper-actions">
      <ActionButton action="toggle-read" class="read-toggle" {...readToggleLook(read)} paper={title} onClick={() => handlers.toggleRead(id)} />
      <OtherActions view={view} handlers={handlers} compact={compact} cite={!compact && !brief} />
    </div>
  );
}

/** Save, hide or restore, and (on whole cards) the citations. */
function OtherActions({ view, handlers, compact, cite }: Props & { cite: boolean }) {
  const { paper, state } = view;
  const { id, title } = paper;
  const saved = Boolean(state?.savedAt);
  return (
    <>
      <ActionButton action="save" {...saveLook(saved)} paper={title} iconOnly={compact} pressed={saved} onClick={() => handlers.save(id)} />
      {state?.dismissedAt ? (
        <ActionButton action="restore" glyph="↩" text={t('paper.restore')} paper={title} title={t('paper.restoreTitle')} onClick={() => handlers.restore(id)} />
      ) : (
        <ActionButton action="dismiss" glyph="✕" text={t('paper.hide')} paper={title} iconOnly={compact} title={t('paper.hideTitle')} onClick={() => handlers.dismiss(id)} />
      )}
      {cite && (
        // The two citations wrap together: never "Markdown" alone on a line.
        <span class="cite-actions">
          <ActionButton action="copy-bibtex" text={t('export.bibtex')} paper={title} title={t('paper.copyBibtex')} onClick={() => handlers.cite(id, 'bibtex')} />
          <ActionButton action="copy-markdown" text={t('export.markdown')} paper={title} title={t('paper.copyMarkdown')} onClick={() => handlers.cite(id, 'markdown')} />
        </span>
      )}
    </>
  );
}
