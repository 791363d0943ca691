import { browser } from 'wxt/browser';
import { openNotification } from './notify';

const onClicked = (notificationId: string) => void openNotification(notificationId);

/**
 * Listens for clicks on Paperboy's notifications. The API exists only while the optional
 * permission is held, so the listener is added at start when it is, and again when the user
 * grants it later (the background may have started without it).
 */
export function listenToNotificationClicks(): void {
  const wire = () => {
    const clicks = browser.notifications?.onClicked;
    if (clicks && !clicks.hasListener(onClicked)) clicks.addListener(onClicked);
  };
  wire();
  browser.permissions.onAdded.addListener(wire);
}
