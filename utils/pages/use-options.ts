import { t } from '../lib/i18n';
import { useEffect, useState } from 'preact/hooks';
import { hasOptional, requestOptional } from '../platform/permissions';
import type { NotificationRules, Settings } from '../settings/defaults';
import { readAllSettings, resetSettings, importSettings, writeSetting } from '../settings/settings';
import { useSettings } from '../settings/use-settings';
import { usePageDeps } from './deps';

export type Outcome = { ok: boolean; message: string; undo?: () => void };

/** Whether the browser holds the notifications permission, following grants and withdrawals. */
function useNotificationPermission(): boolean | undefined {
  const { browser } = usePageDeps();
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    const check = () => void hasOptional('notifications').then(setGranted, () => setGranted(false));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [browser]);
  return granted;
}

/**
 * The options page's settings: the values in force, a change of one, the notifications switch
 * (which asks for the permission from the click itself), and reset with undo.
 */
export function useOptions() {
  const settings = useSettings();
  const granted = useNotificationPermission();
  const [notifyMessage, setNotifyMessage] = useState<string>();
  const [resetResult, setResetResult] = useState<Outcome>();
  const change = <K extends keyof Settings>(name: K, value: Settings[K]) =>
    void writeSetting(name, value).catch((error: Error) => setResetResult({ ok: false, message: t('options.settingNotSaved', [error.message]) }));
  const rules = (update: Partial<NotificationRules>) => change('notifications', { ...settings.notifications, ...update });

  function toggleNotifications(on: boolean) {
    setNotifyMessage(undefined);
    if (!on) return rules({ enabled: false });
    // Asked before any await: the browser shows its prompt only within the click.
    void requestOptional('notifications').then((outcome) => (outcome.granted ? rules({ enabled: true }) : setNotifyMessage(outcome.message)));
  }

  async function reset() {
    const before = await readAllSettings();
    await resetSettings();
    const undo = () => void importSettings(before).then(() => setResetResult({ ok: true, message: t('options.reset.back') }));
    setResetResult({ ok: true, message: t('options.reset.done'), undo });
  }

  return {
    settings,
    change,
    notifications: { granted, message: notifyMessage, toggle: toggleNotifications, change: rules },
    reset: { result: resetResult, run: () => void reset().catch((error: Error) => setResetResult({ ok: false, message: t('options.reset.failed', [error.message]) })) },
  };
}
