// What the app window may load, call in from, and open: decided here in plain Node so the rules are
// tested without Electron; electron/hardenWindow.ts applies them to the window and its session.

/** The page's own address without #/route or query: the renderer routes by hash. */
function pageOf(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return u.href;
  } catch {
    return null;
  }
}

/**
 * Only our own index.html may call the main process. Any file:// page is not enough: a file the clerk
 * opens by mistake (an .html saved from mail) must not reach the ledger.
 */
export function isOwnPage(senderUrl: string | undefined | null, indexUrl: string): boolean {
  if (!senderUrl) return false;
  const page = pageOf(senderUrl);
  return page !== null && page === pageOf(indexUrl);
}

/** Navigation inside the window: only to the same page (a hash change); never away from it. */
export function mayNavigate(targetUrl: string, indexUrl: string): boolean {
  return isOwnPage(targetUrl, indexUrl);
}

export type ExternalDecision = { action: 'deny' } | { action: 'ask'; url: string; host: string };

/**
 * A link that would open a new window: never inside the app. A web address is offered to the clerk to
 * open in her browser (she is asked, and sees the host); file:, javascript:, data:, custom schemes and
 * addresses with credentials are refused outright.
 */
export function externalLinkDecision(url: string): ExternalDecision {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { action: 'deny' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { action: 'deny' };
  if (u.username || u.password || !u.hostname) return { action: 'deny' };
  return { action: 'ask', url: u.href, host: u.hostname };
}
