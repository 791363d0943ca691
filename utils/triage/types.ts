/** Opens a paper (and marks it read); `background` keeps the current tab in front. */
export type OpenHandler = (id: string, url: string, background: boolean) => void;

/** What a page does when the user acts on one paper. */
export interface PaperHandlers {
  open: OpenHandler;
  toggleRead(id: string): void;
  save(id: string): void;
  /** Hides it everywhere ("not interested"); the Hidden list keeps it. */
  dismiss(id: string): void;
  /** Brings a hidden paper back (`[data-action="restore"]` in the Hidden list). */
  restore(id: string): void;
  cite(id: string, format: 'bibtex' | 'markdown'): void;
  /** A click on the paper: it becomes the current one. */
  select(id: string): void;
  keyword?(keyword: string): void;
}

/** A one-line confirmation or error, with Undo when the action can be undone. */
export interface ToastMessage {
  text: string;
  tone: 'ok' | 'warn';
  /** Shown as an Undo button (`data-action="undo"`). */
  undo?: () => void;
}
