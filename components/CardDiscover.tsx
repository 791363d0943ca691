import { t, type MessageKey } from '../utils/lib/i18n';
import type { CardExtras } from '../utils/pages/use-discover';
import { ruleLabel } from '../utils/discover/rule-types';

const EFFECT_TEXT = { pin: 'discover.pinned', highlight: 'discover.highlighted', dim: 'discover.dimmed' } as const satisfies Record<string, MessageKey>;

/** Why a worked-out list shows the paper, and which of the user's rules it meets. */
export function CardDiscover({ reason, extras }: { reason?: string; extras?: CardExtras }) {
  const rule = extras?.effects?.first;
  if (!reason && !rule) return null;
  return (
    <p class="card-reason">
      {reason && <span data-role="reason">{reason}</span>}
      {rule && (
        <span class={`rule-chip effect-${rule.effect}`} data-role="rule">
          {t('discover.ruleChip', [t(EFFECT_TEXT[rule.effect]), ruleLabel(rule)])}
        </span>
      )}
    </p>
  );
}
