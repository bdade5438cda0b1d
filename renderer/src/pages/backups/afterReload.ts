// A restore ends with a reload (every page reads the re-opened ledger afresh); what it did is told after.
const KEY = 'duban:after-reload';

export function reloadWithMessage(message: string): void {
  sessionStorage.setItem(KEY, message);
  window.location.reload();
}

export function takeMessageAfterReload(): string {
  const message = sessionStorage.getItem(KEY) ?? '';
  sessionStorage.removeItem(KEY);
  return message;
}
