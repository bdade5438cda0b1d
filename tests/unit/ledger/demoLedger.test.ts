// The demo ledger holds 新昌 appendix 2's work items, its leadership group, every kind of deadline and a round.
import { describe, expect, it } from 'vitest';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { freshLedger } from './helpers';
import gold from '../../fixtures/documents/xinchang-appendix2.gold.json';

describe('demo ledger', () => {
  it('holds the 45 work items of 新昌 appendix 2 under their sections and tasks, first unit leading', () => {
    const { ctx } = freshLedger({ demo: true });
    const snap = readLedgerSnapshot(ctx);
    const items = snap.tasks.filter((t) => t.level === 'item');
    expect(items).toHaveLength(45);
    expect(items.map((t) => t.content)).toEqual(gold.items.map((g) => g.content));
    const nameOf = new Map(snap.units.map((u) => [u.id, u]));
    const matches = (written: string, unitId: number) => {
      const u = nameOf.get(unitId)!;
      return [u.name, u.shortName, ...u.aliases].includes(written);
    };
    gold.items.forEach((g, i) => {
      expect(matches(g.units[0]!, items[i]!.leadUnitIds[0]!)).toBe(true);
      expect(items[i]!.leadUnitIds.length + items[i]!.coUnitIds.length).toBe(g.units.length);
    });
    const sections = snap.tasks.filter((t) => t.level === 'section');
    expect(sections.map((s) => s.number + s.title)).toEqual([...new Set(gold.items.map((g) => g.section))]);
  });

  it('has the leadership group of appendix 1, deadlines of every kind and a progress round', () => {
    const { ctx } = freshLedger({ demo: true });
    const snap = readLedgerSnapshot(ctx);
    expect(snap.groups.map((g) => g.name)).toEqual(['新昌县深化基层卫生健康综合改革领导小组']);
    expect(snap.members.find((m) => m.role === '组长')?.personName).toBe('王奇洲');
    expect(snap.members.find((m) => m.role === '副组长')?.personName).toBe('王越晟');
    expect(snap.members.filter((m) => m.role === '成员')).toHaveLength(16);
    const items = snap.tasks.filter((t) => t.level === 'item');
    expect(items.some((t) => t.deadline.ongoing && t.deadline.text === '长期坚持')).toBe(true);
    expect(items.some((t) => t.deadline.recurrence === 'quarterly')).toBe(true);
    expect(items.some((t) => t.deadline.date === '2026-12-31')).toBe(true);
    expect(snap.rounds).toHaveLength(1);
    expect(snap.reports.length).toBeGreaterThanOrEqual(8);
    expect(snap.units.some((u) => u.kind === 'collective' && u.name === '各乡镇街道')).toBe(true);
  });
});
