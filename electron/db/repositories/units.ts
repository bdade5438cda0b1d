// 责任单位 in the ledger: names, short names and aliases kept unique (returns are matched by them), delete to 回收站.
import type { Unit, UnitKind } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { insertRow, updateRow } from '../write';
import { moveToBin } from './recycleBin';
import { toUnit } from './rows';

export interface UnitInput {
  name: string;
  shortName?: string;
  kind?: UnitKind;
  aliases?: string[];
  contactPerson?: string;
  phone?: string;
  active?: boolean;
  sortOrder?: number;
}

export function listUnits(ctx: LedgerContext): Unit[] {
  return ctx.db.prepare('SELECT * FROM unit ORDER BY sort_order, id').all().map(toUnit);
}

export function getUnit(ctx: LedgerContext, id: number): Unit {
  const row = ctx.db.prepare('SELECT * FROM unit WHERE id = ?').get(id);
  if (!row) throw new DomainError('unit_not_found', `找不到编号为 ${id} 的责任单位，可能已被删除。请刷新后重试。`);
  return toUnit(row);
}

function cleanAliases(aliases: string[] | undefined, name: string): string[] {
  const seen = new Set<string>();
  for (const a of aliases ?? []) {
    const t = a.trim();
    if (t && t !== name) seen.add(t);
  }
  return [...seen];
}

/** A name (or alias) must not be another unit's name, short name or alias: matching returns relies on it. */
function assertNamesFree(
  ctx: LedgerContext,
  unit: { name: string; shortName: string; aliases: string[] },
  exceptId: number | null,
): void {
  if (!unit.name.trim()) throw new DomainError('unit_name_empty', '单位名称不能为空，请填写单位全称。');
  const others = listUnits(ctx).filter((u) => u.id !== exceptId);
  const wanted = [unit.name, unit.shortName, ...unit.aliases].filter(Boolean);
  for (const other of others) {
    const clash = wanted.find((n) => n === other.name || n === other.shortName || other.aliases.includes(n));
    if (!clash) continue;
    throw new DomainError(
      'unit_name_duplicate',
      clash === other.name
        ? `单位名称“${clash}”已存在，不能重复。请修改名称，或在原单位上补充别名。`
        : `名称“${clash}”已被单位“${other.name}”用作简称或别名，不能重复。请修改后再保存。`,
    );
  }
}

export function createUnit(ctx: LedgerContext, input: UnitInput): Unit {
  return ctx.db.transaction(() => {
    const name = input.name.trim();
    const shortName = (input.shortName ?? '').trim();
    const aliases = cleanAliases(input.aliases, name);
    assertNamesFree(ctx, { name, shortName, aliases }, null);
    const sortOrder =
      input.sortOrder ??
      (ctx.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM unit').get() as { n: number }).n;
    const { id } = insertRow(ctx, ENTITIES.unit, {
      name,
      shortName,
      kind: input.kind ?? 'other',
      aliases,
      contactPerson: (input.contactPerson ?? '').trim(),
      phone: (input.phone ?? '').trim(),
      active: input.active !== false,
      sortOrder,
    });
    return getUnit(ctx, id as number);
  })();
}

export function updateUnit(ctx: LedgerContext, id: number, patch: Partial<UnitInput>): Unit {
  return ctx.db.transaction(() => {
    const before = getUnit(ctx, id);
    const next: Unit = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    next.name = next.name.trim();
    next.shortName = next.shortName.trim();
    next.aliases = cleanAliases(next.aliases, next.name);
    next.contactPerson = next.contactPerson.trim();
    next.phone = next.phone.trim();
    assertNamesFree(ctx, next, id);
    updateRow(ctx, ENTITIES.unit, id, next);
    return getUnit(ctx, id);
  })();
}

const MAX_LISTED = 5;

/**
 * Refuses while tasks or a current group membership still name the unit, so no task silently loses its
 * owner; otherwise the unit goes to the recycle bin with what hung on it (its reports, its place in rounds).
 * `into` is the bin entry it came from, when undo/redo moves it back there.
 */
export function deleteUnit(ctx: LedgerContext, id: number, into?: number): void {
  ctx.db.transaction(() => {
    const before = getUnit(ctx, id);
    const tasks = ctx.db
      .prepare(
        `SELECT t.number, t.title, t.content FROM task_unit tu JOIN task t ON t.id = tu.task_id
         WHERE tu.unit_id = ? ORDER BY t.sort_order, t.id`,
      )
      .all(id) as { number: string; title: string; content: string }[];
    if (tasks.length > 0) {
      const names = tasks.slice(0, MAX_LISTED).map((t) => `“${shorten(t.content || t.title, 18)}”`);
      const more = tasks.length > MAX_LISTED ? `等 ${tasks.length} 项任务` : `共 ${tasks.length} 项任务`;
      throw new DomainError(
        'unit_in_use',
        `“${before.name}”仍是 ${names.join('、')}${more}的责任单位，不能删除。请先在任务清单中改派这些任务，或把该单位设为“停用”。`,
      );
    }
    const members = (
      ctx.db.prepare('SELECT COUNT(*) AS n FROM group_member WHERE unit_id = ? AND valid_to IS NULL').get(id) as {
        n: number;
      }
    ).n;
    if (members > 0) {
      throw new DomainError(
        'unit_in_group',
        `“${before.name}”是领导小组的成员单位，不能删除。请先在领导小组中移除，或把该单位设为“停用”。`,
      );
    }
    moveToBin(ctx, { kind: 'unit', kindLabel: '单位', label: before.name, table: 'unit', id }, into);
  })();
}

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}
