// Notices from the main process (a backup that failed) and what a restore did, shown above every page until closed.
import { useEffect, useState } from 'react';
import type { AppNotice } from '@shared/errors';
import { onNotices } from '../api';
import { takeMessageAfterReload } from '../pages/backups/afterReload';

/**
 * What the main process tells the clerk beside her own actions (a backup that failed), and what a restore
 * did once the window has reloaded. Shown above every page until closed.
 */
export function AppNotices() {
  const [notices, setNotices] = useState<AppNotice[]>(() => {
    const message = takeMessageAfterReload();
    return message ? [{ kind: 'info', message }] : [];
  });
  useEffect(() => onNotices((more) => setNotices((current) => [...current, ...more])), []);
  if (notices.length === 0) return null;
  const close = (index: number) => setNotices((current) => current.filter((_, i) => i !== index));
  return (
    <div className="app-notices">
      {notices.map((n, i) => (
        <div
          key={i}
          className={n.kind === 'warning' ? 'warning-banner' : 'notice app-notice'}
          role={n.kind === 'warning' ? 'alert' : 'status'}
        >
          <span>{n.message}</span>
          <button type="button" className="link" onClick={() => close(i)} aria-label="关闭提示">
            关闭
          </button>
        </div>
      ))}
    </div>
  );
}
