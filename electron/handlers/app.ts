// Writes what the renderer reports about itself (a page that failed to draw) to the app's log.
import type { FeatureHandlers } from './types';

export const appHandlers: FeatureHandlers<'app:reportError'> = {
  'app:reportError': (ctx, { message, stack, componentStack, page }) => {
    ctx.log('error', `renderer: ${message}`, { stack, componentStack, page });
    return { logged: true };
  },
};
