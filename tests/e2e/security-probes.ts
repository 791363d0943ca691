import type { BrowserContext, Page, Request } from 'playwright-core';
import { IMAGE_HOSTS } from '../../utils/platform/manifest-policy';
import { untilLive } from './browser';
import { FIXTURE_ORIGIN } from './config';

declare global {
  interface Window {
    __cspViolations?: string[];
    __pwned?: unknown;
  }
}

/**
 * Records every content-security-policy violation in every page of the context, from the first
 * script on: `securitypolicyviolation` events in the page, and Chromium's console report.
 */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    window.__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

/** A page with its console CSP reports collected from before it loads. */
export async function openWatched(context: BrowserContext, url: string, viewport?: { width: number; height: number }) {
  const page = await context.newPage();
  const consoleReports: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /content security policy/i.test(message.text())) consoleReports.push(message.text());
  });
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url);
  await untilLive(page);
  return { page, consoleReports };
}

/** Violations the page itself saw (the init script's record). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? ['the CSP watcher did not run in this page']);
}

export interface SeenRequest {
  url: string;
  from: string;
}

/** Every request a page or the service worker of the context makes, from now on. */
export function recordRequests(context: BrowserContext): SeenRequest[] {
  const seen: SeenRequest[] = [];
  context.on('request', (request: Request) => seen.push({ url: request.url(), from: requester(request) }));
  return seen;
}

function requester(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `worker ${worker.url()}`;
  try {
    return `page ${request.frame().url()}`;
  } catch {
    return 'unknown';
  }
}

/**
 * The request allow-list: the extension's own files, the Hugging Face API (here the fixture
 * server standing in for it) and Hugging Face's image hosts over https. Nothing else, ever.
 */
export function isAllowedRequest(url: string, extensionId: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'chrome-extension:') return parsed.host === extensionId;
  if (parsed.origin === FIXTURE_ORIGIN) return parsed.pathname.startsWith('/api/');
  return parsed.protocol === 'https:' && parsed.port === '' && (IMAGE_HOSTS as readonly string[]).includes(parsed.hostname);
}

/**
 * Attributes that would run or load something if they held a script or data URL, and elements
 * that hostile markup would have created had it been parsed as HTML, anywhere in the page.
 */
export function scanDom(page: Page) {
  return page.evaluate(() => {
    const urlAttributes = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background'];
    const badUrls: string[] = [];
    const handlers: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (urlAttributes.includes(attribute.name) && /^(javascript|data|vbscript):/.test(value)) badUrls.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        if (attribute.name.startsWith('on')) handlers.push(`${element.tagName} ${attribute.name}`);
      }
    }
    // Paperboy draws one SVG itself, the upvote sparkline: exactly its shape (a title, a line or
    // polyline and a dot, no handler: those are counted above) is its own; any other SVG is injected.
    const sparkParts = ['title', 'polyline', 'line', 'circle'];
    const ownSparkline = (el: Element) => el.matches('svg[data-role="sparkline"]') && [...el.querySelectorAll('*')].every((part) => sparkParts.includes(part.tagName.toLowerCase()));
    const injected = [...document.body.querySelectorAll('script, iframe, object, embed, svg, style, frame, img[src="x"], b')]
      .filter((el) => !ownSparkline(el))
      .map((el) => `${el.tagName}: ${el.textContent ?? ''}`);
    return { badUrls, handlers, injected, pwned: window.__pwned ?? null };
  });
}
