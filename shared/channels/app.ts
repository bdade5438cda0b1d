// The renderer's own troubles, told to the main process so they land in the log beside the ledger.
import { z } from 'zod';
import { channel } from './define';

export const appChannels = {
  /**
   * A page that failed to draw (the error boundary at the app root): the detail goes to logs/, never to the
   * clerk's screen. Limited in size so a runaway message cannot fill the disk.
   */
  'app:reportError': channel<{ logged: true }>()(
    z.object({
      message: z.string().max(4000),
      stack: z.string().max(20_000).optional(),
      componentStack: z.string().max(20_000).optional(),
      /** The page the clerk was on (the URL hash). */
      page: z.string().max(200).optional(),
    }),
  ),
};
