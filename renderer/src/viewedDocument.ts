// The policy document the clerk is viewing on 任务清单, so 导出 offers that document's list first (one plan per export).

/** Kept for the session only: a new start begins with the first document again. */
const KEY = 'duban.viewedDocumentId';

export function rememberViewedDocument(documentId: number | null): void {
  if (documentId === null) globalThis.sessionStorage?.removeItem(KEY);
  else globalThis.sessionStorage?.setItem(KEY, String(documentId));
}

/** The remembered document when it is still in the ledger, else the first document (null when there is none). */
export function viewedDocumentOf(documents: readonly { id: number }[]): number | null {
  const id = Number(globalThis.sessionStorage?.getItem(KEY));
  return documents.find((d) => d.id === id)?.id ?? documents[0]?.id ?? null;
}
