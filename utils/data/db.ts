import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Series } from '../discover/series';
import type { FeedId } from '../views/view-id';
import type { SearchQueueRow, SearchStateRow, SearchTermRow } from './search-rows';
import { DB_NAME } from './db-name';

export type { SearchQueueRow, SearchStateRow, SearchTermRow };

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
  /**
   * Where the row's metadata comes from: the richest source that has supplied it (Hugging Face
   * over arXiv over the bundled snapshot). A bundled paper that a sync lists becomes `hf`.
   */
  source: PaperSource;
  /** When this profile first stored the paper, ms since epoch. Never changed by later syncs. */
  firstSeenAt: number;
  /** When a successful fetch last listed the paper, ms since epoch: what retention ages by (rows stored outside a feed fetch, e.g. arXiv lookups, may lack it and are never pruned). */
  lastSeenInFeedAt?: number;
}

/** Sources of paper metadata, poorest first. */
export const PAPER_SOURCES = ['bundled', 'arxiv', 'hf'] as const;
export type PaperSource = (typeof PAPER_SOURCES)[number];

/** The richer of two sources: a row never goes back to poorer metadata's label. */
export function richerSource(a: PaperSource | undefined, b: PaperSource): PaperSource {
  return a !== undefined && PAPER_SOURCES.indexOf(a) > PAPER_SOURCES.indexOf(b) ? a : b;
}

/** What the user did with a paper. Written by user actions only; sync never touches it. */
export interface UserState {
  id: string;
  readAt?: number;
  savedAt?: number;
  dismissedAt?: number;
  /**
   * When each flag was last cleared (unread, unsaved, brought back), while it stays clear: so an
   * older set from another computer cannot undo it (utils/sync/cross-device/). Not indexed.
   */
  cleared?: { readAt?: number; savedAt?: number; dismissedAt?: number };
}


/** One paper's place in the latest successful fetch of a feed. */
export interface FeedEntry {
  feed: FeedId;
  rank: number;
  id: string;
}

/** How a paper's counts moved: one sample per sync that listed it (utils/discover/series.ts). */
export interface PaperHistory {
  id: string;
  /** When the newest sample was taken (indexed: the Rising view reads the papers sampled lately). */
  lastAt: number;
  upvotes: Series;
  /** GitHub stars, for papers with code. */
  stars?: Series;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type PaperboyDb = Dexie & {
  papers: EntityTable<Paper, 'id'>;
  userState: EntityTable<UserState, 'id'>;
  /** Keyed by `[feed+rank]`. */
  feeds: Table<FeedEntry, [FeedId, number]>;
  meta: EntityTable<MetaRow, 'key'>;
  searchQueue: EntityTable<SearchQueueRow, 'id'>;
  /** Keyed by `[term+block]`. */
  searchTerms: Table<SearchTermRow, [string, number]>;
  searchState: EntityTable<SearchStateRow, 'key'>;
  history: EntityTable<PaperHistory, 'id'>;
};

export { DB_NAME };

/** One schema version: the stores it declares and the upgrade that carries older rows into it. */
export interface SchemaStep {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => PromiseLike<unknown>;
}

/**
 * Every schema version ever shipped, oldest first. A shipped step is never edited: a change is a
 * new step. tests/fixtures/db/v<N>.json holds a database written at version N; the migration
 * tests migrate each one step and compare it with the next.
 */
export const SCHEMA: readonly SchemaStep[] = [
  {
    version: 1,
    stores: {
      papers: '&id, firstSeenAt, publishedAt, featuredOn',
      userState: '&id, readAt, savedAt, dismissedAt',
      feeds: '[feed+rank], id',
      meta: '&key',
    },
  },
  {
    // Retention prunes papers no feed has listed for a while; a paper first seen long ago may
    // still be trending, so it needs the last time a feed listed it, indexed.
    version: 2,
    stores: { papers: '&id, firstSeenAt, publishedAt, featuredOn, lastSeenInFeedAt' },
    upgrade: (tx) =>
      tx
        .table('papers')
        .toCollection()
        .modify((paper: Partial<Paper>) => {
          paper.lastSeenInFeedAt ??= paper.firstSeenAt;
        }),
  },
  {
    // Only indexes a query uses: papers are found by id and aged by lastSeenInFeedAt; user state
    // is listed by readAt (history), savedAt (saved) and dismissedAt (hidden). The bundled
    // snapshot's papers are labelled `bundled` ("snapshot" meant three things).
    version: 3,
    stores: { papers: '&id, lastSeenInFeedAt' },
    upgrade: (tx) =>
      tx
        .table('papers')
        .toCollection()
        .modify((paper: { source?: string }) => {
          if (paper.source === 'snapshot') paper.source = 'bundled';
        }),
  },
  {
    // The search index is kept in the database, updated as papers change, instead of rebuilt in
    // memory from every stored paper whenever a page opens (utils/search/index-store.ts). Every
    // paper stored so far waits in the queue for its first indexing.
    version: 4,
    stores: { searchQueue: '&id', searchTerms: '[term+block]', searchState: '&key' },
    upgrade: async (tx) => {
      const ids = (await tx.table('papers').toCollection().primaryKeys()) as string[];
      await tx.table('searchQueue').bulkPut(ids.map((id): SearchQueueRow => ({ id, at: 0 })));
    },
  },
  {
    // Rising and the sparklines: each paper's upvotes and GitHub stars as every sync saw them,
    // indexed by the newest sample's time. A new table, empty until the next sync: nothing to
    // carry over.
    version: 5,
    stores: { history: '&id, lastAt' },
  },
];

/** Declares schema steps on a Dexie instance (the whole history, or a prefix of it). */
export function declareSchema<T extends Dexie>(db: T, steps: readonly SchemaStep[] = SCHEMA): T {
  for (const { version, stores, upgrade } of steps) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

/** Opens (without connecting yet) a Paperboy database; tests pass their own name. */
export function createDb(name = DB_NAME): PaperboyDb {
  return declareSchema(new Dexie(name) as PaperboyDb);
}

/** The one database every context of the extension shares. */
export const db = createDb();
