import { t } from '../utils/lib/i18n';

interface Props {
  href: string;
  onOpen: () => void;
  /** The icon alone (the popup's narrow header), still named for screen readers. */
  compact?: boolean;
}

/** The way to the options page from a page's header. */
export function SettingsLink({ href, onOpen, compact }: Props) {
  return (
    <a
      class="btn ghost"
      href={href}
      data-action="open-options"
      title={t('settingsLink.label')}
      aria-label={compact ? t('settingsLink.label') : undefined}
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      {compact ? '⚙' : t('settingsLink.text')}
    </a>
  );
}
