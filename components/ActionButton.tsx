import type { ComponentChildren } from 'preact';
import { t } from '../utils/lib/i18n';
import type { PaperAction } from './paper-attributes';

type Props = PaperAction<ComponentChildren> & { onClick: () => void };

/**
 * A control on one paper. Its accessible name starts with its visible words ("Save", "Hide") and
 * ends with the paper's title, so a screen reader and a voice command agree with the screen.
 */
export function ActionButton({ action, glyph, text, paper, iconOnly, pressed, title, class: extra = '', onClick }: Props) {
  return (
    <button
      type="button"
      class={`${iconOnly ? 'icon-button' : 'text-button'} ${extra}`}
      data-action={action}
      aria-pressed={pressed}
      aria-label={iconOnly ? t('paper.actionOn', [text, paper]) : undefined}
      title={title}
      onClick={onClick}
    >
      {glyph && (
        <span aria-hidden="true" class="glyph">
          {glyph}
        </span>
      )}
      {!iconOnly && (
        <>
          {text}
          <span class="sr-only"> {t('common.quoted', [paper])}</span>
        </>
      )}
    </button>
  );
}
