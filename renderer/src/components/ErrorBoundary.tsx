// The app root's safety net: a page that fails to draw is logged through the bridge (logs/ beside the ledger)
// and replaced by a Chinese message with 重新加载, never by a blank window or a stack trace.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { invoke } from '../api';

const CRASH_MESSAGE =
  '督办台账在显示这一页时出了问题，已保存到台账的内容不受影响，问题的详细情况已记入日志。' +
  '请点“重新加载”；如仍出现，请回到首页，或重新启动督办台账。';

const clip = (text: string | null | undefined, max: number) => (text ? text.slice(0, max) : undefined);

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const err = error instanceof Error ? error : new Error(String(error));
    // Best effort: with the bridge gone too, there is nowhere else to write it.
    invoke('app:reportError', {
      message: clip(err.message, 4000) ?? '(no message)',
      stack: clip(err.stack, 20_000),
      componentStack: clip(info.componentStack, 20_000),
      page: clip(window.location.hash, 200),
    }).catch(() => undefined);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="recovery">
        <div className="recovery-panel" role="alert" aria-labelledby="crash-title">
          <h1 id="crash-title">页面显示出错</h1>
          <p className="recovery-problem">{CRASH_MESSAGE}</p>
          <div className="recovery-actions">
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              重新加载
            </button>
            <button
              type="button"
              onClick={() => {
                window.location.hash = '#/home';
                window.location.reload();
              }}
            >
              回到首页
            </button>
          </div>
        </div>
      </main>
    );
  }
}
