import { ErrorBanner } from './ErrorBanner';

/** The one place a page tells the clerk what just happened: an error (which wins) or a short notice. */
export function PageMessages({ error, notice, onCloseError }: { error: string; notice: string; onCloseError: () => void }) {
  return (
    <>
      <ErrorBanner message={error} onClose={onCloseError} />
      {notice && !error && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
    </>
  );
}
