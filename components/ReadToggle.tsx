import { readToggleLook } from './paper-attributes';

interface Props {
  read: boolean;
  title: string;
  onToggle: () => void;
}

/** `[data-action="toggle-read"]`: a dot while unread, a check once read. */
export function ReadToggle({ read, title, onToggle }: Props) {
  const { glyph, 'aria-pressed': pressed, ...look } = readToggleLook(read, title);
  return (
    <button type="button" {...look} data-action="toggle-read" aria-pressed={pressed === 'true'} onClick={onToggle}>
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
}
