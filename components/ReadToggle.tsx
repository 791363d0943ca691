interface Props {
  read: boolean;
  title: string;
  onToggle: () => void;
}

/** `[data-action="toggle-read"]`: a dot while unread, a check once read. */
export function ReadToggle({ read, title, onToggle }: Props) {
  return (
    <button
      type="button"
      class={`read-toggle ${read ? 'is-read' : 'is-unread'}`}
      data-action="toggle-read"
      aria-pressed={read}
      aria-label={read ? `Mark “${title}” unread` : `Mark “${title}” read`}
      title={read ? 'Mark unread' : 'Mark read'}
      onClick={onToggle}
    >
      <span aria-hidden="true">{read ? '✓' : '●'}</span>
    </button>
  );
}
