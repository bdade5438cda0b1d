// A first guess at what kind of body a newly seen unit name is; the clerk confirms it in review.
import type { UnitKind } from '../../../shared/domain';

const HEALTH =
  /(医院|卫生院|卫生服务中心|卫生服务站|卫生室|疾病预防控制中心|疾控中心|妇幼保健|保健院|急救中心|血站|卫生监督所|监督所|医共体|医疗集团|中医馆|蒙医院)$/;
const TOWNSHIP = /(乡|镇|街道|苏木|街道办事处|镇人民政府|乡人民政府)$/;
const SECTION = /(股|科|室|处)$/;
const COUNTY =
  /^(县|区|市|旗)?.*(局|办|委|部|厅|中心|委员会|办公室|政府|部门|法院|检察院|总工会|妇联|团委|残联|红十字会|分局|支队|大队)$/;

export function guessUnitKind(name: string): UnitKind {
  const n = name.replace(/[（(]街道[）)]/g, '街道');
  if (n.startsWith('各') || /^(相关|有关|其他|其它)/.test(n) || /^(全县|全市|全区|全旗)/.test(n)) return 'collective';
  if (HEALTH.test(n)) return 'health_institution';
  if (TOWNSHIP.test(n)) return 'township';
  if (SECTION.test(n) && n.length <= 8) return 'bureau_section';
  if (COUNTY.test(n)) return 'county_department';
  return 'other';
}

const UNIT_END =
  /(局|委|办|部|厅|室|股|科|处|中心|院|站|所|政府|乡|镇|街道|[（(]街道[）)]|苏木|单位|部门|机构|公司|协会|学会|会|队|社|联|集团|管委会|办事处|委员会|办公室|医共体|旗区|旗|区县|县区|县（市、区）)$/;

/** Whether a short phrase reads as the name of a body rather than as prose. */
export function looksLikeUnit(name: string): boolean {
  if (name.length < 2 || name.length > 30) return false;
  if (/[。；;：:，,]/.test(name)) return false;
  // 县委组织部（县委人才办）: the aside names the same body; the name before it decides.
  const bare = name.replace(/[（(][^（()）]{1,12}[）)]$/, '');
  return UNIT_END.test(name) || (bare.length >= 2 && bare !== name && UNIT_END.test(bare)) || /^各.{1,14}$/.test(name);
}
