import type { ComponentChildren } from 'preact';

import type { OpenHandler } from '../utils/triage/types';

interface Props {
  id: string;
  href: string;
  onOpen: OpenHandler;
  class?: string;
  children: ComponentChildren;
}

/**
 * The paper's title link (`a[data-action="open"]`). Clicks are handled by the page so the read
 * flag is stored before the tab opens; Ctrl/⌘-click and middle click open it in the background.
 */
export function PaperLink({ id, href, onOpen, children, ...rest }: Props) {
  return (
    <a
      {...rest}
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-action="open"
      onClick={(event) => {
        event.preventDefault();
        onOpen(id, href, event.ctrlKey || event.metaKey);
      }}
      onAuxClick={(event) => {
        if (event.button !== 1) return;
        event.preventDefault();
        onOpen(id, href, true);
      }}
    >
      {children}
    </a>
  );
}
