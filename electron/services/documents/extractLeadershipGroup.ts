// 领导小组: rosters in an appendix (组长：张国强 县卫生健康和体育局局长 / 成员：A、B、C), the office
// (办公室设在基层股), member-unit duties (人事股：负责…), and groups set up in a sentence of the plan
// (成立由分管副区长任组长、区卫生健康局局长任副组长，…等单位为成员的…领导小组).
import { looksLikeUnit } from './guessUnitKind';
import { ROSTER_KEY } from './joinBrokenLines';
import { cleanUnitName, splitNames } from './extractUnits';
import { readLabel } from './headingLabels';
import type { ExtractedGroup, GroupMemberOut, Line, Span } from './types';

const POST_TITLE =
  /(党组书记|党委书记|副书记|书记|常务副县长|常务副区长|副县长|县长|副区长|区长|副市长|市长|副旗长|旗长|副局长|局长|副主任|主任|副院长|院长|副部长|部长|副主席|主席|所长|站长|科长|股长|二级调研员|一级调研员|调研员|主要负责人|分管负责人|负责人|党组成员|主要负责同志|分管负责同志)+$/;
const PERSON = /^[\u4e00-\u9fa5·]{2,4}$/;

function roleOf(key: string): string {
  const k = key.replace(/[:：]$/, '');
  return k === '成员单位' ? '成员' : k === '主任' ? '办公室主任' : k === '副主任' ? '办公室副主任' : k;
}

/** "张国强 县卫生健康和体育局局长" / "王奇洲" / "县委办" / "各乡镇（街道）主要负责人". */
export function parseRosterEntry(entry: string, role: string, span: Span): GroupMemberOut | null {
  const text = entry.trim().replace(/^[（(][^）)]*[）)]$/, '');
  if (!text) return null;
  const asUnit = cleanUnitName(text);
  if (
    looksLikeUnit(asUnit) &&
    (asUnit.length > 4 || /^(县|区|市|旗|州|省|镇|乡|各)/.test(asUnit) || /(股|科|室)$/.test(asUnit))
  ) {
    return { role, person: '', post: text.slice(asUnit.length), unit: asUnit, span };
  }
  const parts = text.split(/\s+|[，,]/).filter(Boolean);
  const [person] = parts;
  if (person !== undefined && parts.length >= 2 && PERSON.test(person)) {
    const post = parts
      .slice(1)
      .join('')
      .replace(/[）)]$/, '');
    return { role, person, post, unit: unitOfPost(post), span };
  }
  const glued =
    /^([\u4e00-\u9fa5]{2,3}?)((?:县|区|市|旗|州|省|镇|乡|街道)[\u4e00-\u9fa5（）()]+?(?:局长|主任|书记|院长|部长|县长|区长|市长|旗长|所长|站长|科长|股长|负责人|调研员))$/.exec(
      text,
    );
  // Both groups are mandatory in the pattern.
  if (glued) return { role, person: glued[1]!, post: glued[2]!, unit: unitOfPost(glued[2]!), span };
  if (PERSON.test(text)) return { role, person: text, post: '', unit: '', span };
  return { role, person: '', post: text, unit: unitOfPost(text), span };
}

function unitOfPost(post: string): string {
  const unit = post.replace(POST_TITLE, '');
  return unit !== post && looksLikeUnit(unit) ? unit : '';
}

function groupNameFrom(lines: Line[], issuer: string): { name: string; span: Span } | null {
  const heading = lines.find(
    (l) =>
      /领导小组(组成人员)?(名单|成员名单|组成人员名单)?$/.test(l.text) && l.text.length <= 80 && !/[。，]/.test(l.text),
  );
  if (heading) {
    let name = heading.text.replace(/(组成人员|成员)?名单$|组成人员$/, '');
    // The docx joins the issuer's header line onto the group's name; the text copy keeps them apart.
    if (issuer && name.startsWith(issuer) && name.length - issuer.length > 8) name = name.slice(issuer.length);
    const at = heading.text.indexOf(name);
    return { name, span: { start: heading.start + at, end: heading.start + at + name.length } };
  }
  for (const l of lines) {
    const m = foundedGroup(l.text);
    if (m)
      return {
        name: m.name.replace(/^了/, ''),
        span: { start: l.start + m.index, end: l.start + m.index + m.name.length },
      };
  }
  return null;
}

function findOffice(lines: Line[]): { office: string; members: GroupMemberOut[] } {
  let office = '';
  const members: GroupMemberOut[] = [];
  for (const l of lines) {
    const m = /办公室设在([^，。；,;（(]+)/.exec(l.text);
    if (m && !office) office = m[1]!.replace(/(内|里)$/, '').trim();
    for (const d of officeHolders(l.text)) {
      const post = d.holder.replace(/^(由|领导小组下设办公室，?)/, '');
      const s = l.start + d.index;
      members.push({ role: d.role, person: '', post, unit: unitOfPost(post), span: { start: s, end: s + d.length } });
    }
    for (const d of officeChairs(l.text)) {
      const s = l.start + d.index;
      members.push({
        role: d.role,
        person: '',
        post: d.post,
        unit: unitOfPost(d.post),
        span: { start: s, end: s + d.length },
      });
    }
  }
  return { office, members };
}

/** Reads a roster appendix; null when it holds no roster. */
export function extractRosterGroup(lines: Line[], issuer: string): ExtractedGroup | null {
  const rosterLines = lines.filter((l) => ROSTER_KEY.test(l.text));
  if (!rosterLines.some((l) => /^(组长|副组长|常务副组长)/.test(l.text))) return null;
  const named = groupNameFrom(lines, issuer);
  const members: GroupMemberOut[] = [];
  let role: string | null = null;
  let dutiesStart = -1;
  lines.forEach((l, idx) => {
    const key = ROSTER_KEY.exec(l.text);
    if (key) {
      role = roleOf(key[1]!);
      const value = l.text.slice(key[0].length);
      const entries = /[、，,；;]/.test(value)
        ? splitNames(value, l.start + key[0].length)
        : [{ name: value, start: l.start + key[0].length }];
      for (const e of entries) {
        const member = parseRosterEntry(e.name.replace(/。$/, ''), role, {
          start: e.start,
          end: e.start + e.name.length,
        });
        if (member) members.push(member);
      }
      return;
    }
    // 成员： followed by one person per line.
    if (role && l.text.length <= 40 && !/[。，；]/.test(l.text) && /^[\u4e00-\u9fa5·]{2,4}\s/.test(l.text)) {
      const member = parseRosterEntry(l.text, role, { start: l.start, end: l.end });
      if (member) members.push(member);
      return;
    }
    role = null;
    if (/职责/.test(l.text) && (readLabel(l.text) || l.text.length <= 20)) dutiesStart = idx;
  });
  const { office, members: officeMembers } = findOffice(lines);
  const duties = readDuties(
    dutiesStart >= 0 ? lines.slice(dutiesStart + 1) : lines.filter((l) => !ROSTER_KEY.test(l.text)),
  );
  // Not empty: a roster line was found above.
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return {
    name: named?.name ?? '领导小组',
    office,
    members: [...members, ...officeMembers],
    duties,
    span: { start: first.start, end: last.end },
  };
}

/** 人事股：负责… / （一）县卫生健康局：负责… */
export function readDuties(lines: Line[]): ExtractedGroup['duties'] {
  const duties: ExtractedGroup['duties'] = [];
  for (const l of lines) {
    const label = readLabel(l.text);
    const text = label ? l.text.slice(label.length) : l.text;
    const m = /^([^：:，。、]{2,24})[:：](.+)$/.exec(text);
    if (!m || ROSTER_KEY.test(text)) continue;
    const unit = m[1]!.trim();
    if (!looksLikeUnit(unit)) continue;
    const s = l.start + (label?.length ?? 0);
    duties.push({ unit, duty: m[2]!.trim(), span: { start: s, end: l.end } });
  }
  return duties;
}

/** 成立由A任组长、B任副组长，C、D等单位为成员的××领导小组 — a group set up in a sentence. */
export function extractProseGroups(lines: Line[]): ExtractedGroup[] {
  const groups: ExtractedGroup[] = [];
  for (const l of lines) {
    const officeAfter = officeSeat(l.text);
    for (const sentence of groupSentences(l.text)) {
      const s = sentence.text;
      if (/(要|应|须|均)成立由/.test(s)) continue;
      const base = l.start + sentence.index;
      const name = /的([^，。、的]*?领导小组)/.exec(s)?.[1] ?? groupNameBefore(s) ?? '领导小组';
      const members: GroupMemberOut[] = [];
      for (const m of s.matchAll(/(?:由|、|，)([^，、；由]+?)(?:任|担任)(常务副组长|副组长|组长)/g)) {
        const at = base + m.index + 1;
        members.push({
          role: m[2]!,
          person: '',
          post: m[1]!,
          unit: unitOfPost(m[1]!),
          span: { start: at, end: at + m[0].length - 1 },
        });
      }
      const memberList = memberListOf(s);
      if (memberList) {
        const listStart = base + memberList.index + 1;
        for (const t of splitNames(memberList.list, listStart)) {
          const unit = cleanUnitName(t.name);
          if (looksLikeUnit(unit))
            members.push({
              role: '成员',
              person: '',
              post: '',
              unit,
              span: { start: t.start, end: t.start + t.name.length },
            });
        }
      }
      const office = officeAfter(sentence.index);
      groups.push({
        name,
        office,
        members,
        duties: [],
        span: { start: base, end: base + s.length },
      });
    }
  }
  return groups;
}

// The scans below replace regexes that began with a lazy run of any characters ([^。]*, [^，、]+?):
// on a long line without the character that stops the run, such a regex retries every start to the
// end of the line, which is quadratic (a 100,000-character line without 。 took 5.5 s, a million
// never ended). Each scan finds what its regex found (a property test compares them on random text)
// while reading the line a bounded number of times.

/** Positions of `pattern` (global) at or after a point that only moves forward: one pass over the text. */
function forwardFinder(text: string, pattern: RegExp): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found !== Infinity && found < from) {
      pattern.lastIndex = from;
      found = pattern.exec(text)?.index ?? Infinity;
    }
    return found;
  };
}

/**
 * The stretches of a line, each up to and with its 。, that set up a group (成立由 and then 领导小组
 * inside one stretch): the matches of /[^。]*成立由[^。]*?领导小组[^。]*。?/g.
 */
export function groupSentences(text: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  const nextGroup = forwardFinder(text, /领导小组/g);
  let from = 0;
  while (from < text.length) {
    const founding = text.indexOf('成立由', from);
    if (founding < 0) break;
    const group = nextGroup(founding + 3);
    if (group === Infinity) break;
    // 成立由 holds no 。: its stretch starts after the last 。 before it, which is never before `from`.
    const start = text.lastIndexOf('。', founding) + 1;
    const stop = text.indexOf('。', founding);
    const end = stop < 0 ? text.length : stop + 1;
    if (stop < 0 || group < stop) out.push({ index: start, text: text.slice(start, end) });
    from = end;
  }
  return out;
}

/** The words before the first 领导小组 back to a ，。、由: /([^，。、由]*?领导小组)/.exec(s)?.[1]. */
export function groupNameBefore(s: string): string | undefined {
  const at = s.indexOf('领导小组');
  if (at < 0) return undefined;
  let start = at;
  while (start > 0 && !'，。、由'.includes(s.charAt(start - 1))) start--;
  return s.slice(start, at + 4);
}

const MEMBER_TAIL = /(?:等(?:单位|部门))?(?:主要负责同志|负责同志|分管负责同志)?(?:为|作为)成员/y;

/**
 * The member list of a group sentence (，A、B、C等单位为成员): the index and [1] of
 * /[，、]([^，；。]*?)(?:等(?:单位|部门))?(?:主要负责同志|负责同志|分管负责同志)?(?:为|作为)成员/.exec(s).
 */
export function memberListOf(s: string): { index: number; list: string } | null {
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '，' && s[i] !== '、') {
      i++;
      continue;
    }
    // The shortest run after the mark that the tail follows; the run stops at ，；。, which the tail never holds.
    let e = i + 1;
    for (; ; e++) {
      MEMBER_TAIL.lastIndex = e;
      if (MEMBER_TAIL.test(s)) return { index: i, list: s.slice(i + 1, e) };
      if (e >= s.length || '，；。'.includes(s.charAt(e))) break;
    }
    // Each 、 before the stop would read the same run without a tail: the next try starts at the stop.
    i = e;
  }
  return null;
}

/** For each point of a line (moving forward), what /办公室设在([^，。；]+)/ finds in the rest of it. */
function officeSeat(text: string): (from: number) => string {
  let at = -1;
  let seat = '';
  return (from) => {
    if (at === Infinity || from <= at) return seat;
    at = text.indexOf('办公室设在', from);
    while (at >= 0 && (at + 5 >= text.length || '，。；'.includes(text.charAt(at + 5))))
      at = text.indexOf('办公室设在', at + 1);
    if (at < 0) {
      at = Infinity;
      return (seat = '');
    }
    let end = at + 5;
    while (end < text.length && !'，。；'.includes(text.charAt(end))) end++;
    return (seat = text.slice(at + 5, end).trim());
  };
}

/**
 * Who holds the office's posts (县卫健局分管副局长兼任办公室主任): the matches of
 * /([^，。；、]+?)(?:兼任|担任)(办公室(?:副)?主任)/g, as index, length, holder and role.
 */
export function officeHolders(text: string): { index: number; length: number; holder: string; role: string }[] {
  const out: { index: number; length: number; holder: string; role: string }[] = [];
  // Where the stretch between ，。；、 holding the next post begins: the holder is read from there.
  let stretchStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(/(?:兼任|担任)(办公室(?:副)?主任)/g)) {
    const at = m.index;
    for (; scanned < at; scanned++) if ('，。；、'.includes(text.charAt(scanned))) stretchStart = scanned + 1;
    scanned = Math.max(scanned, at + m[0].length);
    // A holder has one character at least; a post with none before it is read as part of the next holder.
    if (at === stretchStart) continue;
    out.push({
      index: stretchStart,
      length: at + m[0].length - stretchStart,
      holder: text.slice(stretchStart, at),
      role: m[1]!,
    });
    stretchStart = at + m[0].length;
  }
  return out;
}

/**
 * Posts given by name (办公室主任由县卫健局分管副局长兼任): the matches of
 * /(办公室(?:副)?主任)由([^，。；]+?)(?:兼任|担任)/g, as index, length, role and post.
 */
export function officeChairs(text: string): { index: number; length: number; role: string; post: string }[] {
  const out: { index: number; length: number; role: string; post: string }[] = [];
  const nextHolds = forwardFinder(text, /兼任|担任/g);
  const nextStop = forwardFinder(text, /[，。；]/g);
  const chair = /(办公室(?:副)?主任)由/g;
  for (let m = chair.exec(text); m; m = chair.exec(text)) {
    const from = m.index + m[0].length;
    const holds = nextHolds(from + 1);
    // The post runs from 由 to the first 兼任/担任 one character on at least, with no ，。； between.
    if (holds !== Infinity && nextStop(from) >= holds) {
      out.push({ index: m.index, length: holds + 2 - m.index, role: m[1]!, post: text.slice(from, holds) });
      chair.lastIndex = holds + 2;
    } else chair.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * A group named where it is set up (决定成立…领导小组), not 成立由: where the name starts and the name,
 * as /(?:决定)?成立(?!由)([^。；]*?领导小组)/ gives them.
 */
export function foundedGroup(text: string): { index: number; name: string } | null {
  const nextGroup = forwardFinder(text, /领导小组/g);
  const nextStop = forwardFinder(text, /[。；]/g);
  for (let at = text.indexOf('成立'); at >= 0; at = text.indexOf('成立', at + 1)) {
    if (text[at + 2] === '由') continue;
    const group = nextGroup(at + 2);
    if (group === Infinity) return null;
    if (nextStop(at + 2) > group) return { index: at + 2, name: text.slice(at + 2, group + 4) };
  }
  return null;
}
