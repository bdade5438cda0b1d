// 领导小组名单 as an appendix prints it: roles aligned, people with posts, the office, member units and their duties.
import ExcelJS from 'exceljs';
import type { GroupMember, LedgerSnapshot } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { formatChineseDate } from '../../../shared/chineseDate';
import { setText } from './cellText';
import { BODY_FONT, HEADER_FONT, lineHeight, textHeight, TITLE_FONT } from './printLayout';

const ROLE_ORDER = ['组长', '常务副组长', '副组长', '成员', '办公室主任', '办公室副主任', '联络员'];
const OFFICE_ROLES = new Set(['办公室主任', '办公室副主任', '联络员']);

/**
 * A role label padded with full-width spaces to `width` characters, as appendix rosters align them:
 * 组　　长 / 副 组 长 would be uneven, so 2-character roles spread over the width of the longest
 * (组　长、副组长、成　员 when the longest is 3).
 */
export function alignedRole(role: string, width: number): string {
  const chars = [...role];
  if (chars.length >= width || chars.length < 2) return role;
  const gaps = chars.length - 1;
  const spaces = width - chars.length;
  return chars
    .map((c, i) => (i < gaps ? c + '　'.repeat(Math.floor(spaces / gaps) + (i < spaces % gaps ? 1 : 0)) : c))
    .join('');
}

export interface RosterOptions {
  /** 附件1 — printed top left, as on an official appendix. */
  attachmentLabel?: string;
  /** The roster as of this day (截至…), in the Chinese form. */
  today?: string;
}

/**
 * 领导小组名单 as an appendix prints it: 附件 label, title, one paragraph per role with the labels aligned
 * (people with posts; member units joined with 、), the office in one sentence, then member-unit
 * duties. Only the current roster (no ended terms). Two columns: the role label and its text, so a long
 * member list wraps under itself, not under the label.
 */
export function buildRosterWorkbook(
  snap: LedgerSnapshot,
  groupId: number,
  options: RosterOptions = {},
): ExcelJS.Workbook {
  const group = snap.groups.find((g) => g.id === groupId);
  if (!group) throw new DomainError('group_not_found', '所选领导小组已不存在，请刷新后重新选择。');
  const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
  const members = snap.members
    .filter((m) => m.groupId === groupId && m.validTo === null)
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const duties = snap.duties.filter((d) => d.groupId === groupId).sort((a, b) => a.sortOrder - b.sortOrder);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  const sheet = workbook.addWorksheet('领导小组名单');
  const office = group.officeUnitId ? unitName.get(group.officeUnitId) : '';
  const director = group.officeDirector.trim();
  // The office sentence names the director: an 办公室主任 line for the same person would say it twice.
  const saidInSentence = (m: GroupMember) => m.role === '办公室主任' && director !== '' && m.personName === director;
  const shown = members.filter((m) => !saidInSentence(m));
  const rank = (role: string) => (ROLE_ORDER.indexOf(role) + 99) % 99;
  const roles = [...new Set(shown.map((m) => m.role))].sort((a, b) => rank(a) - rank(b));
  // The group's own roles share one label width (组　长 / 副组长 / 成　员); the office lines follow the
  // office sentence as sentences of their own.
  const labelChars = Math.min(5, Math.max(3, ...roles.filter((r) => !OFFICE_ROLES.has(r)).map((r) => [...r].length)));
  // Portrait A4 inside 0.8-inch margins at 100 %, with the usual 5 % kept free.
  const LABEL = Math.ceil(((labelChars + 1) * BODY_FONT.size + 8) / 5.25);
  const TOTAL = Math.floor(((595.3 - 2 * 0.8 * 72) * 0.95) / 5.55);
  const TEXT = TOTAL - LABEL;
  sheet.columns = [{ width: LABEL }, { width: TEXT }];
  const pitch = lineHeight(BODY_FONT.size);
  /** Every paragraph the same way: lines × one pitch, the same padding, so spacing is even. */
  const even = (text: string, width: number) => textHeight(text, width, BODY_FONT.size, pitch + 10);

  const whole = (
    text: string,
    font: Partial<ExcelJS.Font> & { size: number },
    align: 'left' | 'center' | 'right',
    indent = 0,
  ) => {
    const row = sheet.addRow([]);
    sheet.mergeCells(row.number, 1, row.number, 2);
    setText(row.getCell(1), text);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { wrapText: true, vertical: 'middle', horizontal: align, ...(indent ? { indent } : {}) };
    row.height = textHeight(
      text,
      TOTAL - indent * 2,
      font.size,
      font.size === BODY_FONT.size ? pitch + 10 : font.size * 2,
    );
    return row;
  };
  const labelled = (label: string, text: string) => {
    const row = sheet.addRow([]);
    setText(row.getCell(1), `${label}：`);
    setText(row.getCell(2), text);
    for (const c of [1, 2]) {
      row.getCell(c).font = BODY_FONT;
      row.getCell(c).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    }
    row.height = even(text, TEXT);
  };

  if (options.attachmentLabel) {
    const row = sheet.addRow([]);
    setText(row.getCell(1), options.attachmentLabel);
    row.getCell(1).font = { ...HEADER_FONT, size: 14 };
    row.height = 24;
  }
  whole(`${group.name}名单`, TITLE_FONT, 'center');
  if (options.today) whole(`截至${formatChineseDate(options.today)}`, BODY_FONT, 'center');
  const line = (role: string) =>
    shown
      .filter((m) => m.role === role)
      .map((m) =>
        [m.personName, m.unitId ? unitName.get(m.unitId) : '', m.post].filter(Boolean).join(m.personName ? ' ' : ''),
      )
      .join(role === '成员' ? '、' : '；');
  for (const role of roles.filter((r) => !OFFICE_ROLES.has(r))) labelled(alignedRole(role, labelChars), line(role));
  if (office || director) {
    whole(
      `领导小组下设办公室${office ? `，办公室设在${office}` : ''}${director ? `，${director}任办公室主任` : ''}。`,
      BODY_FONT,
      'left',
      2,
    );
  }
  for (const role of roles.filter((r) => OFFICE_ROLES.has(r))) whole(`${role}：${line(role)}`, BODY_FONT, 'left', 2);
  if (duties.length) {
    whole('成员单位职责', HEADER_FONT, 'left');
    for (const d of duties)
      whole(`${d.unitName || (d.unitId ? unitName.get(d.unitId) : '')}：${d.duty}`, BODY_FONT, 'left', 2);
  }
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: false,
    scale: 100,
    horizontalCentered: true,
    firstPageNumber: 1,
    margins: { left: 0.8, right: 0.8, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  return workbook;
}
