import ExcelJS from 'exceljs';
import type { LedgerSnapshot } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { setText } from './cellText';
import { BODY_FONT, HEADER_FONT, TITLE_FONT, wrappedLines } from './printLayout';

const ROLE_ORDER = ['组长', '常务副组长', '副组长', '成员', '办公室主任', '办公室副主任', '联络员'];
/** 组  长 / 副组长 / 成  员: two-character roles are spaced out as appendix rosters print them. */
const spaced = (role: string) => (role.length === 2 ? `${role[0]}  ${role[1]}` : role);

/**
 * 领导小组名单 as an appendix prints it: title, one paragraph per role (people with posts; member units
 * joined with 、), the office, then member-unit duties. Only the current roster (no ended terms).
 */
export function buildRosterWorkbook(snap: LedgerSnapshot, groupId: number): ExcelJS.Workbook {
  const group = snap.groups.find((g) => g.id === groupId);
  if (!group) throw new DomainError('group_not_found', '所选领导小组已不存在，请刷新后重新选择。');
  const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
  const members = snap.members.filter((m) => m.groupId === groupId && m.validTo === null).sort((a, b) => a.sortOrder - b.sortOrder);
  const duties = snap.duties.filter((d) => d.groupId === groupId).sort((a, b) => a.sortOrder - b.sortOrder);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  const sheet = workbook.addWorksheet('领导小组名单');
  // Narrow enough for portrait A4 at 100 % in Excel, WPS and LibreOffice alike.
  const WIDTH = 66;
  sheet.columns = [{ width: WIDTH }];
  const line = (text: string, font: Partial<ExcelJS.Font> = BODY_FONT, align: 'left' | 'center' = 'left') => {
    const row = sheet.addRow([]);
    setText(row.getCell(1), text);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal: align };
    row.height = Math.max(20, wrappedLines(text, WIDTH) * 16 + 4);
  };
  line(`${group.name}名单`, TITLE_FONT, 'center');
  sheet.getRow(1).height = 40;
  const roles = [...new Set(members.map((m) => m.role))].sort((a, b) => (ROLE_ORDER.indexOf(a) + 99) % 99 - (ROLE_ORDER.indexOf(b) + 99) % 99);
  for (const role of roles) {
    const people = members
      .filter((m) => m.role === role)
      .map((m) => [m.personName, m.unitId ? unitName.get(m.unitId) : '', m.post].filter(Boolean).join(m.personName ? ' ' : ''));
    line(`${spaced(role)}：${people.join(role === '成员' ? '、' : '；')}`);
  }
  const office = group.officeUnitId ? unitName.get(group.officeUnitId) : '';
  if (office || group.officeDirector) {
    line(`领导小组下设办公室${office ? `，办公室设在${office}` : ''}${group.officeDirector ? `，${group.officeDirector}任办公室主任` : ''}。`);
  }
  if (duties.length) {
    line('成员单位职责', HEADER_FONT);
    for (const d of duties) line(`${d.unitName || (d.unitId ? unitName.get(d.unitId) : '')}：${d.duty}`);
  }
  sheet.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.8, right: 0.8, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 } };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  return workbook;
}
