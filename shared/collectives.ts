// Collective units (各乡镇街道, 各医疗卫生单位…): which units they speak to, so each unit gets the work they are given.
import type { Unit, UnitKind } from './domain';

/** Which kind of unit a collective (各乡镇街道, 各医疗卫生单位…) speaks to, read from its name. */
const COVERS: [RegExp, UnitKind][] = [
  [/乡镇|街道/, 'township'],
  [/医疗卫生|卫生院|医院|医疗机构/, 'health_institution'],
  [/股室|科室|局机关/, 'bureau_section'],
  [/部门|县直/, 'county_department'],
];

export function collectiveCovers(collective: Pick<Unit, 'kind' | 'name'>, unit: Pick<Unit, 'kind'>): boolean {
  if (collective.kind !== 'collective') return false;
  return COVERS.some(([re, kind]) => re.test(collective.name) && kind === unit.kind);
}

/** A unit's own id and those of the collectives that include it: what 按单位分发 sends it. */
export function unitIdsReaching(unit: Unit, units: Unit[]): number[] {
  return [unit.id, ...units.filter((c) => collectiveCovers(c, unit)).map((c) => c.id)];
}
