import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { HF_ORIGIN } from '../../utils/platform/config';
import { db } from '../../utils/data/db';
import { hasHostAccess } from '../../utils/platform/permissions';
import { createWorker } from '../../utils/sync/background';
import { listenToNotificationClicks } from '../../utils/notify/clicks';

export default defineBackground(() => {
  const worker = createWorker({ db, fetch: (...args) => fetch(...args), hfOrigin: HF_ORIGIN, hasHostAccess: () => hasHostAccess(HF_ORIGIN) });
  // Registered synchronously at the top level so a wake-up event is never missed.
  browser.runtime.onInstalled.addListener(() => void worker.onInstalled());
  browser.runtime.onStartup.addListener(() => void worker.onStartup());
  browser.alarms.onAlarm.addListener((alarm) => void worker.onAlarm(alarm));
  browser.runtime.onMessage.addListener((message) => worker.onMessage(message));
  browser.storage.onChanged.addListener((changes, area) => void worker.onStorageChanged(changes, area));
  listenToNotificationClicks();
  void worker.onWake();
});
