import { browser } from 'wxt/browser';
import { ARXIV_ORIGIN } from '../platform/config';
import { refreshBadge } from '../platform/badge';
import { clearBootSnapshots } from '../pages/boot-copy';
import { db } from '../data/db';
import { dismiss, getPapersByIds, getSavedForExport, toggleSaved, undismiss } from '../data/lists';
import type { ExportFormat } from './citation';

// What pages do when the user triages: each writes through the data module, then brings the
// badge up to date when the change can move it (dismissing does; saving does not), and forgets
// the pages' boot copies (utils/boot-cache.ts) so no page boots showing a stale saved or hidden paper.

/** Saves or unsaves a paper. */
export async function toggleSave(id: string): Promise<boolean> {
  const saved = await toggleSaved(db, id, Date.now());
  clearBootSnapshots();
  return saved;
}

/** Hides papers everywhere ("not interested"), then recounts the badge. */
export async function dismissAndBadge(ids: string[]): Promise<void> {
  await dismiss(db, ids, Date.now());
  clearBootSnapshots();
  await refreshBadge(db);
}

/** Undoes a dismissal, then recounts the badge. */
export async function undismissAndBadge(ids: string[]): Promise<void> {
  await undismiss(db, ids);
  clearBootSnapshots();
  await refreshBadge(db);
}

/** Copies a paper's citation; resolves to what was copied, for the confirmation. */
export async function copyCitation(id: string, format: 'bibtex' | 'markdown'): Promise<string> {
  const [view] = await getPapersByIds(db, [id]);
  if (!view) throw new Error('That paper is no longer stored');
  const { toBibTeX, toMarkdownLink } = await import('./citation');
  const text = format === 'bibtex' ? toBibTeX(view.paper) : toMarkdownLink(view.paper);
  await navigator.clipboard.writeText(text);
  return text;
}

/** Downloads the saved list as BibTeX, Markdown or JSON; resolves to the number of papers. */
export async function exportSaved(format: ExportFormat): Promise<number> {
  const { papers, savedAt } = await getSavedForExport(db);
  const citation = await import('./citation');
  const text =
    format === 'bibtex'
      ? citation.toBibTeXList(papers)
      : format === 'markdown'
        ? citation.toMarkdownList(papers)
        : citation.toJsonExport(papers, (id) => savedAt.get(id), Date.now());
  const { name, type } = citation.EXPORT_FILES[format];
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the download has taken its copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return papers.length;
}

const ARXIV_PERMISSION = { origins: [`${ARXIV_ORIGIN}/*`] };

/**
 * Asks for the optional arXiv host permission. Call it synchronously from a click handler:
 * browsers only show the prompt during a user gesture.
 */
export function requestArxivAccess(): Promise<boolean> {
  return browser.permissions.request(ARXIV_PERMISSION);
}

/** Whether the arXiv host permission is granted (the user can revoke it at any time). */
export function hasArxivAccess(): Promise<boolean> {
  return browser.permissions.contains(ARXIV_PERMISSION);
}
