/** The extension's database (utils/data/db.ts), named apart so the pages' entry scripts can name it without loading Dexie. */
export const DB_NAME = 'paperboy';
