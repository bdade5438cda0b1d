// One line of a policy document as the extractors expect it: spaces left by Word/PDF line wrapping
// removed between Chinese characters (组  长 → 组长, 到 2025 年 → 到2025年), full-width digits and ％
// made half-width so number patterns need only one spelling.

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g');
const SPACE_CJK_ALNUM = new RegExp(`([${CJK}])\\s+(?=[0-9A-Za-z%])`, 'g');
const SPACE_ALNUM_CJK = new RegExp(`([0-9A-Za-z%])\\s+(?=[${CJK}])`, 'g');

// 组  长：张国强 县卫生健康和体育局局长 — the space inside the key is padding, the one after the name
// separates the person from the post and must survive.
const ROSTER_LINE =
  /^\s*((?:组|副\s*组|常\s*务\s*副\s*组|成|主|副\s*主|联\s*络)\s*(?:长|员|任)(?:\s*单\s*位)?)\s*([:：])(.*)$/;

// 【牵头：科技教育处 配合：医政医管处 市急救中心】 — after a role label, a space after a name's last
// character (局/处/中心…) separates two units; it becomes 、 before spaces between Chinese are dropped.
const LABELLED_LIST =
  /((?:牵头|配合|协办|主办|责任|主责|参与|协同|单位|部门|科室|处室|股室|主体)(?:[（(][^）)]{1,8}[）)])?\s*[:：])([^；;。】\]]*)/g;
const NAME_END_SPACE = /([局委办处科室股心院站所府队会联社部厅团])[ \u3000\u00a0\t]+(?=[\u4e00-\u9fff])/g;

export function normalizeLine(line: string): string {
  if (/[:：]/.test(line))
    line = line.replace(
      LABELLED_LIST,
      (_m, label: string, list: string) => label + list.replace(NAME_END_SPACE, '$1、'),
    );
  const roster = ROSTER_LINE.exec(line.replace(/[\u3000\u00a0\t]/g, ' '));
  if (roster) {
    // ROSTER_LINE's three groups are all mandatory.
    const [, key, colon, rest] = roster as unknown as [string, string, string, string];
    const value = rest
      .split(/ +/)
      .map((part) => normalizeProse(part))
      .filter(Boolean)
      .join(' ');
    return `${key.replace(/\s+/g, '')}${colon}${value}`;
  }
  return normalizeProse(line);
}

function normalizeProse(line: string): string {
  return line
    .replace(/[\u3000\u00a0\t\u2002\u2003\u200b\ufeff]/g, ' ')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(SPACE_BETWEEN_CJK, '$1')
    .replace(SPACE_CJK_ALNUM, '$1')
    .replace(SPACE_ALNUM_CJK, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}
