import Dexie, { type EntityTable } from 'dexie';

/** Links a paper offers; each one has passed `safeUrl`. */
export interface PaperLinks {
  hf?: string;
  arxiv?: string;
  pdf?: string;
  code?: string;
  project?: string;
}

/** Normalised paper metadata. Written by sync only. */
export interface Paper {
  /** Versionless arXiv id: `2606.13594` or `hep-th/9901001`. */
  id: string;
  title: string;
  /** The abstract, whitespace-normalised. */
  summary: string;
  authors: string[];
  /** arXiv publication time, ms since epoch. */
  publishedAt?: number;
  /** The day HF featured it (`YYYY-MM-DD`, from `submittedOnDailyAt`). */
  featuredOn?: string;
  upvotes?: number;
  comments?: number;
  aiSummary?: string;
  aiKeywords?: string[];
  links: PaperLinks;
  thumbnail?: string;
  githubStars?: number;
  organization?: string;
  /** arXiv categories (from the arXiv API; HF does not give them). */
  categories?: string[];
  /** arXiv primary category, e.g. `cs.LG`: BibTeX's primaryClass. */
  primaryCategory?: string;
  /** Where the row came from first: the bundled snapshot or a live source. */
  source: 'hf' | 'snapshot' | 'arxiv';
  /** When this profile first stored the paper, ms since epoch. Never changed by later syncs. */
  firstSeenAt: number;
}

/** What the user did with a paper. Written by user actions only; sync never touches it. */
export interface UserState {
  id: string;
  readAt?: number;
  savedAt?: number;
  dismissedAt?: number;
}

/** An arXiv category feed, e.g. `arxiv:cs.LG`; fetched by pages, never by the worker. */
export type ArxivFeedId = `arxiv:${string}`;

/** hf-week and hf-month are fetched on demand and never count toward the badge. */
export type FeedId = 'hf-daily' | 'hf-trending' | 'bundled' | 'hf-week' | 'hf-month' | ArxivFeedId;

/** One paper's place in the latest successful fetch of a feed. */
export interface FeedEntry {
  feed: FeedId;
  rank: number;
  id: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type PaperboyDb = Dexie & {
  papers: EntityTable<Paper, 'id'>;
  userState: EntityTable<UserState, 'id'>;
  feeds: EntityTable<FeedEntry, 'rank'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DB_NAME = 'paperboy';

/** Opens (without connecting yet) a Paperboy database; tests pass their own name. */
export function createDb(name = DB_NAME): PaperboyDb {
  const db = new Dexie(name) as PaperboyDb;
  db.version(1).stores({
    papers: '&id, firstSeenAt, publishedAt, featuredOn',
    userState: '&id, readAt, savedAt, dismissedAt',
    feeds: '[feed+rank], id',
    meta: '&key',
  });
  return db;
}

/** The one database every context of the extension shares. */
export const db = createDb();
