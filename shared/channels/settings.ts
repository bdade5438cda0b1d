// The ledger settings' channels: read and change them.
import { z } from 'zod';
import { channel } from './define';

export interface SettingsView {
  dueSoonDays: number;
}

export const settingsChannels = {
  'settings:get': channel<SettingsView>()(z.object({})),
  'settings:update': channel<SettingsView>()(
    z
      .object({
        dueSoonDays: z.number().int('临期天数应为整数。').min(1, '临期天数至少 1 天。').max(90, '临期天数最多 90 天。'),
      })
      .partial(),
  ),
};
