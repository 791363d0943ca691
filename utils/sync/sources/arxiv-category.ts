/** A category as arXiv spells it: `cs.LG`, `stat.ML`, `hep-th`, `q-bio.NC`. */
export const CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;

/** Categories offered when adding an arXiv feed; any other valid one can be typed. */
export const SUGGESTED_CATEGORIES = ['cs.LG', 'cs.CL', 'cs.CV', 'cs.AI', 'stat.ML', 'cs.RO', 'cs.IR'] as const;
