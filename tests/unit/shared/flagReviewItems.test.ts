// Which review items are flagged before a policy document is saved, and how the counts are said.
import { describe, expect, it } from 'vitest';
import { normalizeDocNumber, sameDocument } from '../../../shared/documentIdentity';
import { describeFlagCounts, flagReviewItems, type FlaggableItem } from '../../../shared/flagReviewItems';

const item = (id: string, fields: Partial<FlaggableItem> = {}): FlaggableItem => ({
  id,
  parentId: 'task',
  level: 'item',
  leadUnits: ['县卫生健康局'],
  coUnits: [],
  doubts: [],
  ...fields,
});
const KNOWN = ['县卫生健康局', '县医疗保障局', '县医保局'];

describe('flagging review items', () => {
  it('flags offered work with no lead, with a unit the ledger does not know, or with doubts, and counts each kind once per item', () => {
    const items: FlaggableItem[] = [
      { id: 'section', parentId: null, level: 'section', leadUnits: [], coUnits: [] },
      { id: 'task', parentId: 'section', level: 'task', leadUnits: [], coUnits: [] },
      item('ok'),
      item('alias', { leadUnits: ['县医保局'] }),
      item('noLead', { leadUnits: [] }),
      item('blankLead', { leadUnits: ['  '] }),
      item('unknown', { coUnits: ['县大数据局'] }),
      item('doubt', { doubts: ['牵头单位按全文规则推定'] }),
      item('both', { leadUnits: [], doubts: ['单位写法不确定'] }),
      item('excluded', { leadUnits: [], included: false }),
    ];
    const flags = flagReviewItems(items, KNOWN);
    // The section and the task with work under it carry no units of their own: not flagged.
    expect(flags.ids).toEqual(['noLead', 'blankLead', 'unknown', 'doubt', 'both']);
    expect(flags.counts).toEqual({ noLead: 3, unknownUnit: 1, doubt: 2 });
    expect(flags.byId.get('unknown')![0]?.reason).toContain('“县大数据局”');
    expect(flags.byId.get('doubt')![0]?.reason).toBe('需核对：牵头单位按全文规则推定');
    expect(flags.byId.get('both')!.map((f) => f.kind)).toEqual(['noLead', 'doubt']);
  });

  it('a unit the clerk agreed to add is not unknown; unticking it makes it unknown again', () => {
    const items = [item('a', { leadUnits: ['县大数据局'] })];
    expect(flagReviewItems(items, KNOWN, ['县大数据局']).counts.unknownUnit).toBe(0);
    expect(flagReviewItems(items, KNOWN, []).counts.unknownUnit).toBe(1);
  });

  it('a 重点任务 with nothing offered under it is work, and is flagged when it has no lead', () => {
    const items: FlaggableItem[] = [
      { id: 'task', parentId: null, level: 'task', leadUnits: [], coUnits: [] },
      item('child', { parentId: 'task', included: false }),
    ];
    expect(flagReviewItems(items, KNOWN).ids).toEqual(['task']);
  });

  it('says the counts the way the review header shows them, only the parts that are not zero', () => {
    expect(describeFlagCounts({ noLead: 3, unknownUnit: 2, doubt: 1 })).toBe(
      '3 项缺牵头单位 · 2 项单位未识别 · 1 项需核对',
    );
    expect(describeFlagCounts({ noLead: 0, unknownUnit: 2, doubt: 0 })).toBe('2 项单位未识别');
    expect(describeFlagCounts({ noLead: 0, unknownUnit: 0, doubt: 0 })).toBe('');
  });
});

describe('the same document', () => {
  it('is the same 文号 however its brackets and spaces were typed', () => {
    expect(normalizeDocNumber('文卫体字〔2023〕57号')).toBe(normalizeDocNumber('文卫体字[2023] 57号'));
    expect(normalizeDocNumber('文卫体字【２０２３】57 号')).toBe(normalizeDocNumber('文卫体字〔2023〕57号'));
    expect(normalizeDocNumber('文卫体字〔2023〕58号')).not.toBe(normalizeDocNumber('文卫体字〔2023〕57号'));
  });

  it('is the same file, the same 文号, or the same title from the same issuer; an empty 文号 matches nothing', () => {
    const a = { title: '若干措施', docNumber: '文卫体字〔2023〕57号', issuer: '文水县卫生健康和体育局', sha256: 'x' };
    expect(sameDocument(a, { ...a, docNumber: '文卫体字[2023]57号', sha256: 'y' })).toEqual([
      'docNumber',
      'titleIssuer',
    ]);
    expect(sameDocument(a, { title: '若 干措施', docNumber: '', issuer: '文水县卫生健康和体育局' })).toEqual([
      'titleIssuer',
    ]);
    expect(sameDocument(a, { title: '另一份', docNumber: '', issuer: '', sha256: 'x' })).toEqual(['sha256']);
    expect(sameDocument({ ...a, docNumber: '' }, { title: '若干措施', docNumber: '', issuer: '别的机关' })).toEqual([]);
  });
});
