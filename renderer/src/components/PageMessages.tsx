// Where a page shows the clerk what just happened: its one error or its one notice.
import type { PageMessagesState } from '../hooks/usePageMessages';
import { ErrorBanner } from './ErrorBanner';

/** The one place a page tells the clerk what just happened: an error (which wins) or a short notice. */
export function PageMessages({ messages }: { messages: Pick<PageMessagesState, 'error' | 'notice' | 'clearError'> }) {
  const { error, notice, clearError } = messages;
  return (
    <>
      <ErrorBanner message={error} onClose={clearError} />
      {notice && !error && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
    </>
  );
}
