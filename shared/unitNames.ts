// Every name a unit is known by (name, short name, aliases), and finding units by any of them.
import type { Unit } from './domain';

/** Every name a unit is known by: 县医保局 and 县医疗保障局 are the same unit. */
export function namesOf(unit: Pick<Unit, 'name' | 'shortName' | 'aliases'>): string[] {
  return [unit.name, unit.shortName, ...unit.aliases].filter(Boolean);
}

/** Type-to-filter for unit pickers: any name containing the query, ignoring spaces. */
export function unitMatches(unit: Pick<Unit, 'name' | 'shortName' | 'aliases'>, query: string): boolean {
  const q = query.replace(/\s+/g, '');
  if (!q) return true;
  return namesOf(unit).some((n) => n.includes(q));
}

/** Names as a clerk types them in one box: separated by 、，, ; or new lines, in either width. */
export function splitAliases(text: string): string[] {
  return text
    .split(/[、，,；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
