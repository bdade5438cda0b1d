// Tells every page's open queries that the ledger changed behind them (撤销/重做), so each reads it again.

type Listener = () => Promise<unknown> | void;
const listeners = new Set<Listener>();

/** Subscribes a reload; returns the unsubscribe, ready to be an effect's cleanup. */
export function onLedgerChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Runs every subscribed reload and resolves when all of them have finished (or failed on their own). */
export async function announceLedgerChanged(): Promise<void> {
  await Promise.all(
    [...listeners].map(async (listener) => {
      await listener();
    }),
  );
}
