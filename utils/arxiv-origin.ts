export const DEFAULT_ARXIV_ORIGIN = 'https://export.arxiv.org';

/** The origin of a configured arXiv API address (`WXT_ARXIV_ORIGIN`), or the public one when unset. */
export function resolveArxivOrigin(configured: string | undefined): string {
  return new URL(configured || DEFAULT_ARXIV_ORIGIN).origin;
}
