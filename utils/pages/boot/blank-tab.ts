import { isLiteMode } from '../../platform/flavour-mode';

/**
 * Whether this page is a new tab the user asked to keep empty (the `new-tab` setting, in the
 * flavour that takes over new tabs). A Paperboy address with a view (`newtab.html?feed=…`, the
 * popup's "Full view", a notification) always shows Paperboy.
 */
export function isBlankTab(page: string, mirror: Record<string, unknown>, search: string): boolean {
  return !isLiteMode(import.meta.env.MODE) && page === 'newtab' && mirror.newTab === 'blank' && search === '';
}

/** An empty page with one quiet way into Paperboy, drawn without loading the app. */
export function showBlankTab(root: HTMLElement, defaultView: unknown): void {
  const link = document.createElement('a');
  link.className = 'blank-tab-link';
  link.href = `?feed=${encodeURIComponent(typeof defaultView === 'string' ? defaultView : 'hf-trending')}`;
  link.textContent = 'Paperboy';
  root.append(link);
}
