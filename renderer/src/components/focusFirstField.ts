// Puts the caret in a dialog's first field, so a clerk can type at once without reaching for the mouse.

const FIELDS =
  'input:not([type=hidden]):not([disabled]):not([readonly]), select:not([disabled]), textarea:not([disabled]):not([readonly])';

/** A field marked autoFocus wins; otherwise the first enabled field. A dialog without fields keeps its own focus. */
export function focusFirstField(root: HTMLElement | null): void {
  if (!root) return;
  const chosen = root.querySelector<HTMLElement>('[autofocus]') ?? root.querySelector<HTMLElement>(FIELDS);
  chosen?.focus();
}
