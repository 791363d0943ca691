import * as v from 'valibot';
import { normaliseArxivId } from '../sync/sources/arxiv-id';
import type { PaperboyDb, UserState } from './db';
import { getAllUserState, importUserState, USER_FLAGS, type MergeCounts } from './user-state';
import { importSettings, readAllSettings } from '../settings/settings';
import { t } from '../lib/i18n';
import { countOf, formatCount } from '../lib/format';

export const BACKUP_FORMAT = 'paperboy-backup';
/**
 * 1: user state and the retention setting. 2: every setting (the options page's, notifications,
 * sync), and since issue 14 the user's rules (`settings.rules`) and the read-detection switch
 * (`settings.readDetection`), which a Paperboy without them ignores.
 */
export const BACKUP_VERSION = 2;
/** Far above any real backup (about 60 bytes a paper): refused before it is even parsed. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

const Time = v.pipe(
  v.number('must be a time (milliseconds since 1970)'),
  v.finite('must be a time (milliseconds since 1970)'),
  v.minValue(0, 'must be a time (milliseconds since 1970)'),
);

const StateSchema = v.object({
  id: v.pipe(
    v.string('must be an arXiv id such as 2606.13594'),
    v.check((id) => normaliseArxivId(id) === id, 'must be an arXiv id such as 2606.13594'),
  ),
  readAt: v.optional(Time),
  savedAt: v.optional(Time),
  dismissedAt: v.optional(Time),
});

const V1SettingsSchema = v.object({
  keepUnreadDays: v.optional(
    v.pipe(v.number('must be a number of days'), v.integer('must be a whole number of days'), v.minValue(0, 'cannot be negative'), v.maxValue(36_500, 'is more than a century')),
  ),
});

const common = {
  format: v.literal(BACKUP_FORMAT),
  exportedAt: v.string('must be a date'),
  userState: v.array(StateSchema, 'must be a list'),
};

/** Each version's file, as written by the Paperboy of that version. */
const SCHEMAS = {
  1: v.object({ ...common, version: v.literal(1), settings: v.optional(V1SettingsSchema, {}) }),
  // Settings by name; each value is checked as it is restored (utils/settings/schema.ts), so one
  // a later Paperboy no longer understands falls back to its default instead of failing the file.
  2: v.object({ ...common, version: v.literal(2), settings: v.optional(v.record(v.string(), v.unknown()), {}) }),
} as const;

type FileOf<N extends keyof typeof SCHEMAS> = v.InferOutput<(typeof SCHEMAS)[N]>;

/** A Paperboy backup file: everything the user did and every setting, nothing a sync can fetch again. */
export type Backup = FileOf<2>;

/** Carries a file of each older version one step forward; a new version adds a step. */
const UPGRADES: { [N in 1]: (file: FileOf<N>) => FileOf<2> } = {
  // Version 1 held one setting under the name it still has.
  1: (file) => ({ ...file, version: 2, settings: { ...file.settings } }),
};

export type ImportResult = { ok: true; counts: MergeCounts; settings: number; message: string } | { ok: false; message: string };

/** Gathers all user state (read, saved, dismissed) and the settings into a backup. */
export async function exportBackup(db: PaperboyDb, now: number): Promise<Backup> {
  const rows = await getAllUserState(db);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    // Rows with no flag left (a paper marked unread again) carry nothing worth restoring.
    userState: rows.filter((row) => USER_FLAGS.some((flag) => row[flag] !== undefined)).map(pickFlags),
    settings: { ...(await readAllSettings()) },
  };
}

/** `paperboy-backup-2026-06-12.json`, dated in the user's own calendar. */
export function backupFileName(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `paperboy-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** Reads a backup file's text; a file that is not a valid backup gets the reason in plain words. */
export function parseBackup(text: string): { ok: true; backup: Backup } | { ok: false; message: string } {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, message: t('backup.tooLarge') };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: t('backup.notJson') };
  }
  const head = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (head.format !== BACKUP_FORMAT) return { ok: false, message: t('backup.notBackup') };
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    return { ok: false, message: t('backup.newer', [String(head.version)]) };
  }
  const version = head.version === 1 ? 1 : 2;
  const result = v.safeParse(SCHEMAS[version], json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue);
    return { ok: false, message: t('backup.damaged', [`${where ? `${where} ` : ''}${issue.message}`]) };
  }
  const backup = result.output.version === 1 ? UPGRADES[1](result.output) : result.output;
  return { ok: true, backup };
}

/**
 * Imports a backup: validates the whole file first (a bad file changes nothing), then merges
 * its user state (each flag keeps its earliest time, so importing twice is importing once) and
 * restores its settings. Papers this profile has not synced yet keep their state for later.
 */
export async function importBackup(db: PaperboyDb, text: string): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { userState, settings } = parsed.backup;
  const counts = await importUserState(db, userState);
  const { restored, refused } = await importSettings(settings);
  return { ok: true, counts, settings: restored, message: [describeImport(counts, restored), ...refused].join(' ') };
}

function describeImport({ added, updated, unchanged, notYetSynced }: MergeCounts, settings: number): string {
  const total = added + updated + unchanged;
  const parts = [t('backup.imported', [countOf(total, 'tabs.papers'), formatCount(added), formatCount(updated), formatCount(unchanged)])];
  if (notYetSynced > 0) parts.push(countOf(notYetSynced, 'backup.notYetSynced'));
  if (settings > 0) parts.push(t('backup.settingsRestored'));
  return parts.join(' ');
}

function pickFlags(row: UserState): UserState {
  const picked: UserState = { id: row.id };
  for (const flag of USER_FLAGS) if (row[flag] !== undefined) picked[flag] = row[flag];
  return picked;
}
