import type { PaperHandlers } from '../utils/triage/types';
import { saveLook } from './paper-attributes';

interface Props {
  id: string;
  title: string;
  saved: boolean;
  handlers: PaperHandlers;
  /** The popup's narrow rows: save and hide only. */
  compact?: boolean;
}

/** Save, "not interested" and the citation buttons of one paper. */
export function PaperActions({ id, title, saved, handlers, compact }: Props) {
  const { glyph, 'aria-pressed': _pressed, ...look } = saveLook(saved, title);
  return (
    <div class="paper-actions">
      <button type="button" {...look} data-action="save" aria-pressed={saved} onClick={() => handlers.save(id)}>
        <span aria-hidden="true">{glyph}</span>
      </button>
      <button
        type="button"
        class="icon-button"
        data-action="dismiss"
        aria-label={`Not interested in “${title}”: hide it everywhere`}
        title="Not interested: hide everywhere (x)"
        onClick={() => handlers.dismiss(id)}
      >
        <span aria-hidden="true">✕</span>
      </button>
      {!compact && (
        <>
          <button type="button" class="link-button" data-action="copy-bibtex" onClick={() => handlers.cite(id, 'bibtex')}>
            BibTeX
          </button>
          <button type="button" class="link-button" data-action="copy-markdown" onClick={() => handlers.cite(id, 'markdown')}>
            Markdown link
          </button>
        </>
      )}
    </div>
  );
}
