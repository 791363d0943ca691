import { useState } from 'preact/hooks';
import { SUGGESTED_CATEGORIES } from '../utils/sync/sources/arxiv-category';
import { t } from '../utils/lib/i18n';

interface Props {
  existing: string[];
  onAdd: (category: string) => void;
}

/** Adds an arXiv category feed; the click asks for the arXiv permission first. */
export function ArxivAdd({ existing, onAdd }: Props) {
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<string>(SUGGESTED_CATEGORIES.find((c) => !existing.includes(c)) ?? 'cs.LG');
  if (!open) {
    return (
      <button type="button" class="tab" data-action="show-arxiv" onClick={() => setOpen(true)} title={t('arxiv.addTitle')}>
        {t('arxiv.add')}
      </button>
    );
  }
  return (
    <form
      class="arxiv-add"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(category.trim());
        setOpen(false);
      }}
    >
      <input
        list="arxiv-categories"
        data-role="arxiv-category"
        aria-label={t('arxiv.category')}
        value={category}
        size={8}
        onInput={(e) => setCategory(e.currentTarget.value)}
      />
      <datalist id="arxiv-categories">
        {SUGGESTED_CATEGORIES.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <button type="submit" class="btn" data-action="add-arxiv">
        {t('arxiv.addFeed')}
      </button>
      <button type="button" class="btn ghost" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
