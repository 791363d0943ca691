import type { PageDeps } from '../pages/deps';
import { getPapersByIds, getSavedForExport } from '../data/papers';
import { markRead } from '../data/user-state';
import { downloadText } from '../platform/download';
import type { ExportFormat } from './citation';
import { t } from '../lib/i18n';

// What the triage controls do beyond a flag change: open a paper, copy a citation, export the
// saved list. Flags change through utils/data/user-state.ts.

/**
 * Marks a paper read, then opens it in a new tab. The write comes first: opening a tab closes
 * the popup, and with it any write still in flight.
 */
export async function openPaper({ db, now, browser }: PageDeps, id: string, url: string, background = false): Promise<void> {
  await markRead(db, [id], now());
  await browser.tabs.create({ url, active: !background });
}

/** Copies a paper's citation; resolves to what was copied, for the confirmation. */
export async function copyCitation({ db }: PageDeps, id: string, format: 'bibtex' | 'markdown'): Promise<string> {
  const [view] = await getPapersByIds(db, [id]);
  if (!view) throw new Error(t('triage.gone'));
  const { toBibTeX, toMarkdownLink } = await import('./citation');
  const text = format === 'bibtex' ? toBibTeX(view.paper) : toMarkdownLink(view.paper);
  await navigator.clipboard.writeText(text);
  return text;
}

/** Downloads the saved list as BibTeX, Markdown or JSON; resolves to the number of papers. */
export async function exportSaved({ db, now }: PageDeps, format: ExportFormat): Promise<number> {
  const { papers, savedAt } = await getSavedForExport(db);
  const citation = await import('./citation');
  const text =
    format === 'bibtex'
      ? citation.toBibTeXList(papers)
      : format === 'markdown'
        ? citation.toMarkdownList(papers)
        : citation.toJsonExport(papers, (id) => savedAt.get(id), now());
  const { name, type } = citation.EXPORT_FILES[format];
  downloadText(name, text, `${type};charset=utf-8`);
  return papers.length;
}
