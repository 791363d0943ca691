import { formatCount } from '../lib/format';
import { t } from '../lib/i18n';
import type { Match, MatchReason } from './rules';

// The words of a notification, apart from the logic that decides to show one.

const SHOWN_TITLES = 3;

function reasonText(reason: MatchReason): string {
  if (reason.rule === 'upvotes') return t('notify.upvotes', [formatCount(reason.threshold)]);
  // A user rule's term is already its label (`“diffusion”`, `/RLHF|DPO/`).
  return reason.rule === 'keyword' ? t('common.quoted', [reason.term]) : reason.term;
}

/** Title and body of the one notification a sync may show. */
export function notificationText(matches: readonly Match[]): { title: string; message: string } {
  const first = matches[0]!;
  const reasons = [...new Set(matches.flatMap((match) => match.reasons.map(reasonText)))];
  const title = matches.length === 1 ? t('notify.titleOne', [reasons.join(', ')]) : t('notify.titleMany', [formatCount(matches.length), `${reasons.slice(0, 4).join(', ')}${reasons.length > 4 ? '…' : ''}`]);
  const titles = matches.slice(0, SHOWN_TITLES).map((match) => `• ${match.paper.title}`);
  if (matches.length > SHOWN_TITLES) titles.push(t('notify.more', [formatCount(matches.length - SHOWN_TITLES)]));
  return { title, message: matches.length === 1 ? first.paper.title : titles.join('\n') };
}
