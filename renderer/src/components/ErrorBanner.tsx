// A closable red line telling the clerk what went wrong.
export function ErrorBanner({ message, onClose }: { message: string; onClose: () => void }) {
  if (!message) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{message}</span>
      <button type="button" className="link" onClick={onClose} aria-label="关闭提示">
        关闭
      </button>
    </div>
  );
}
