export const DEFAULT_HF_ORIGIN = 'https://huggingface.co';
export const DEFAULT_ARXIV_ORIGIN = 'https://export.arxiv.org';
/** The arXiv site where people read papers (read detection watches it; the API is elsewhere). */
export const DEFAULT_ARXIV_SITE_ORIGINS = ['https://arxiv.org', 'https://www.arxiv.org'] as const;
export const ALPHAXIV_ORIGINS = ['https://www.alphaxiv.org', 'https://alphaxiv.org'] as const;

/**
 * The sites read detection asks to watch, besides Hugging Face (already granted for the sync):
 * arXiv's and alphaXiv's (or, with `WXT_ARXIV_SITE_ORIGIN`, that one origin for both: the tests'
 * fixture server). Pure: wxt.config.ts calls it in Node while building the manifest.
 */
export function readSiteOrigins(configuredArxivSite: string | undefined): { arxiv: string[]; alphaxiv: string[] } {
  if (!configuredArxivSite) return { arxiv: [...DEFAULT_ARXIV_SITE_ORIGINS], alphaxiv: [...ALPHAXIV_ORIGINS] };
  // A test build: both sites on the one configured origin, so no real site is ever asked for.
  const origin = resolveOrigin(configuredArxivSite, DEFAULT_ARXIV_SITE_ORIGINS[0]);
  return { arxiv: [origin], alphaxiv: [origin] };
}

/**
 * The origin of a configured address (`WXT_HF_ORIGIN`, `WXT_ARXIV_ORIGIN`), or of the public one
 * when unset. Pure: wxt.config.ts calls it in Node while building the manifest.
 */
export function resolveOrigin(configured: string | undefined, fallback: string): string {
  return new URL(configured || fallback).origin;
}
