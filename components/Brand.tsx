import { t } from '../utils/lib/i18n';
/** Paperboy's name and icon, at the top of every page. */
export function Brand() {
  return (
    <h1 class="brand">
      <img src="/icon/32.png" alt="" />
      {t('appName')}
    </h1>
  );
}
