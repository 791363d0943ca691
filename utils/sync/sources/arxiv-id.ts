// New style: YYMM.NNNN or YYMM.NNNNN (since 2015), optional version.
const NEW_STYLE = /^(\d{4}\.\d{4,5})(v\d+)?$/;
// Old style: archive(.SUBJ)/YYMMNNN, optional version (e.g. hep-th/9901001, math.GT/0309136).
const OLD_STYLE = /^([a-z-]+(?:\.[A-Za-z-]{2})?\/\d{7})(v\d+)?$/;

/** Normalises an arXiv id to its versionless key, or undefined when it is not an arXiv id. */
export function normaliseArxivId(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const id = input.trim().replace(/^arxiv:/i, '');
  const match = NEW_STYLE.exec(id) ?? OLD_STYLE.exec(id);
  return match?.[1];
}

/** The month a new-style arXiv id was submitted in (`2202.11847` → `2022-02`); undefined for old-style ids. */
export function arxivIdMonth(id: string): string | undefined {
  const match = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return undefined;
  return `20${match[1]}-${match[2]}`;
}
