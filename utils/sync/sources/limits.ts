/** Caps on stored text, so one hostile field cannot bloat the database or the page. */
export const LIMITS = {
  title: 500,
  summary: 8000,
  aiSummary: 1000,
  authorName: 200,
  authors: 100,
  keyword: 80,
  keywords: 30,
  organization: 200,
} as const;
