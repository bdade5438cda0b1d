// The 新昌 appendix-2 gold table (tests/fixtures/documents/xinchang-appendix2.gold.json): what a clerk
// retyping the appendix would enter, item by item. Ingest tests compare against it; export tests build
// their ledger from it.
import fs from 'node:fs';
import path from 'node:path';

export interface GoldItem {
  no: number;
  section: string;
  task: string;
  content: string;
  units: string[];
}

export const GOLD_FILE = path.resolve(__dirname, '../fixtures/documents/xinchang-appendix2.gold.json');

export function readGoldItems(): GoldItem[] {
  return (JSON.parse(fs.readFileSync(GOLD_FILE, 'utf8')) as { items: GoldItem[] }).items;
}
