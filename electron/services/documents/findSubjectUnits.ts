// Plans without 责任单位 markers still say who acts, at the start of a sentence: 各医疗卫生单位要…,
// 县卫生健康局牵头制定…, 医保部门负责推进…, 人社部门会同卫健部门做好…. Only these plain
// forms are read; the clerk confirms them in review.
import type { RawUnit } from './extractUnits';

const SUBJECT =
  /(?:^|[。；;！])\s*(?:同时，|此外，)?((?:各[\u4e00-\u9fa5（）()]{1,12}?(?=(?:主要领导|主要负责同志|主要负责人|负责同志)?(?:要|应|须|必须|均|结合|按照|根据|在|持续|加强|积极)))|(?:(?:县|区|市|旗)[\u4e00-\u9fa5]{1,14}?(?:局|委|办|部|中心))|(?:[\u4e00-\u9fa5]{2,6}部门))(?:主要领导|主要负责同志|主要负责人|负责同志)?(会同([\u4e00-\u9fa5]{2,16}?(?:局|委|办|部门|中心)))?(?=要|应|须|牵头|负责|会同|按|做好|落实|配合|结合|按照|根据|在|持续|加强|积极|统筹|组织)/g;

export function findSubjectUnits(text: string, offset: number): RawUnit[] {
  const out: RawUnit[] = [];
  for (const m of text.matchAll(SUBJECT)) {
    // SUBJECT's first group is mandatory.
    const name = m[1]!;
    if (/^(各级|各项|各类|各地|各种)/.test(name)) continue;
    const at = offset + m.index + m[0].indexOf(name);
    const follows = text.slice(m.index + m[0].length);
    const role: RawUnit['role'] = /^配合/.test(follows) ? 'co' : /^牵头/.test(follows) ? 'lead' : 'default';
    out.push({ name, role, span: { start: at, end: at + name.length } });
    if (m[3]) {
      const coAt = offset + m.index + m[0].lastIndexOf(m[3]);
      out.push({ name: m[3], role: 'co', span: { start: coAt, end: coAt + m[3].length } });
    }
  }
  return out;
}
