import { useState } from 'preact/hooks';
import type { Paper } from '../utils/data/db';
import { t } from '../utils/lib/i18n';

/** The AI one-liner when there is one, else the abstract clamped to a few lines; either way the whole abstract is one click away. */
export function CardSummary({ paper }: { paper: Paper }) {
  const [expanded, setExpanded] = useState(false);
  const showAbstract = expanded || !paper.aiSummary;
  const expandable = paper.summary !== '' && (paper.aiSummary !== undefined || paper.summary.length > 280);
  return (
    <>
      {showAbstract ? (
        paper.summary && <p class={`card-summary ${expandable && !expanded ? 'clamped' : ''}`}>{paper.summary}</p>
      ) : (
        <p class="card-summary">
          <span class="ai-label">{t('paper.aiSummary')} · </span>
          {paper.aiSummary}
        </p>
      )}
      {expandable && (
        <button type="button" class="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {t(expanded ? 'paper.showLess' : 'paper.showAbstract')}
        </button>
      )}
    </>
  );
}
