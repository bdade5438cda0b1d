// Channels about the ledger as a whole: app info, the summary, the snapshot, the plain task list.
import { z } from 'zod';
import type { LedgerSnapshot, TaskNode, TaskStatus } from '../domain';
import { channel } from './define';

export interface AppInfo {
  version: string;
  ledgerFile: string;
  backupsDir: string;
  today: string;
  runtime: 'electron' | 'browser-harness' | 'cli';
}

export interface LedgerSummary {
  today: string;
  units: number;
  groups: number;
  documents: number;
  sections: number;
  tasks: number;
  items: number;
  itemsByStatus: Record<TaskStatus, number>;
  overdue: number;
  overdueItems: { id: number; number: string; content: string; deadline: string; leadUnits: string[] }[];
  rounds: number;
  reports: number;
}

export const ledgerChannels = {
  'app:info': channel<AppInfo>()(z.object({})),
  'ledger:summary': channel<LedgerSummary>()(z.object({})),
  'ledger:snapshot': channel<LedgerSnapshot>()(z.object({})),
  'tasks:list': channel<TaskNode[]>()(z.object({})),
};
