import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { HF_ORIGIN, READ_SITES } from '../../utils/platform/config';
import { db } from '../../utils/data/db';
import { hasHostAccess, hasOptional } from '../../utils/platform/permissions';
import { readDetectionItem } from '../../utils/settings/settings';
import { createWorker } from '../../utils/sync/background';
import { startReadDetection } from '../../utils/sync/read-detection';
import { listenToNotificationClicks } from '../../utils/notify/clicks';

export default defineBackground(() => {
  const worker = createWorker({ db, fetch: (...args) => fetch(...args), hfOrigin: HF_ORIGIN, hasHostAccess: () => hasHostAccess(HF_ORIGIN) });
  // Registered synchronously at the top level so a wake-up event is never missed.
  browser.runtime.onInstalled.addListener(() => void worker.onInstalled());
  browser.runtime.onStartup.addListener(() => void worker.onStartup());
  browser.alarms.onAlarm.addListener((alarm) => void worker.onAlarm(alarm));
  browser.runtime.onMessage.addListener((message) => worker.onMessage(message));
  startReadDetection({
    db,
    now: () => Date.now(),
    sites: READ_SITES,
    browser,
    target: import.meta.env.BROWSER,
    enabled: () => readDetectionItem.getValue(),
    granted: () => hasOptional('readDetection'),
    watchEnabled: (changed) => void readDetectionItem.watch(changed),
  });
  browser.storage.onChanged.addListener((changes, area) => void worker.onStorageChanged(changes, area));
  listenToNotificationClicks();
  void worker.onWake();
});
