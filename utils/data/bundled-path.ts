/** Where the bundled snapshot sits in the package (copied there by wxt.config.ts). */
export const BUNDLED_PATH = '/seed-papers.json';
