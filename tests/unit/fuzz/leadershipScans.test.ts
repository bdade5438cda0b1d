// The leadership-group finder reads prose with scans instead of regexes that backtracked over long
// lines. The scans must find exactly what the regexes found: compared here on random text built from
// the words and marks those regexes look for, and on real documents through the whole ingest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foundedGroup,
  groupNameBefore,
  groupSentences,
  memberListOf,
  officeChairs,
  officeHolders,
} from '../../../electron/services/documents/extractLeadershipGroup';

const WORDS = [
  '成立',
  '由',
  '成立由',
  '领导小组',
  '的',
  '任',
  '担任',
  '兼任',
  '组长',
  '副组长',
  '办公室',
  '办公室主任',
  '办公室副主任',
  '主任',
  '设在',
  '办公室设在',
  '等单位',
  '等部门',
  '负责同志',
  '主要负责同志',
  '为成员',
  '作为成员',
  '成员',
  '为',
  '作为',
  '决定',
  '了',
  '县卫健局',
  '甲',
  '乙',
  '，',
  '。',
  '；',
  '、',
  '：',
];
const prose = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((w) => w.join(''));
const runs = { numRuns: 3000, seed: 20261201 };

describe('the leadership-group scans find what the regexes they replace found', () => {
  it('group sentences (成立由…领导小组…。)', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const expected = [...text.matchAll(/[^。]*成立由[^。]*?领导小组[^。]*。?/g)].map((m) => ({
          index: m.index,
          text: m[0],
        }));
        expect(groupSentences(text)).toEqual(expected);
      }),
      runs,
    );
  });

  it('the name before 领导小组', () => {
    fc.assert(
      fc.property(prose, (s) => {
        expect(groupNameBefore(s)).toEqual(/([^，。、由]*?领导小组)/.exec(s)?.[1]);
      }),
      runs,
    );
  });

  it('the member list (，A、B等单位为成员)', () => {
    fc.assert(
      fc.property(prose, (s) => {
        const m =
          /[，、]([^，；。]*?)(?:等(?:单位|部门))?(?:主要负责同志|负责同志|分管负责同志)?(?:为|作为)成员(?:单位)?/.exec(
            s,
          );
        expect(memberListOf(s)).toEqual(m ? { index: m.index, list: m[1] } : null);
      }),
      runs,
    );
  });

  it('office holders (…兼任办公室主任)', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const expected = [...text.matchAll(/([^，。；、]+?)(?:兼任|担任)(办公室(?:副)?主任)/g)].map((d) => ({
          index: d.index,
          length: d[0].length,
          holder: d[1],
          role: d[2],
        }));
        expect(officeHolders(text)).toEqual(expected);
      }),
      runs,
    );
  });

  it('office chairs (办公室主任由…兼任)', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const expected = [...text.matchAll(/(办公室(?:副)?主任)由([^，。；]+?)(?:兼任|担任)/g)].map((d) => ({
          index: d.index,
          length: d[0].length,
          role: d[1],
          post: d[2],
        }));
        expect(officeChairs(text)).toEqual(expected);
      }),
      runs,
    );
  });

  it('a group named where it is set up (决定成立…领导小组)', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const m = /(?:决定)?成立(?!由)([^。；]*?领导小组)/.exec(text);
        expect(foundedGroup(text)).toEqual(m ? { index: m.index + m[0].length - m[1]!.length, name: m[1] } : null);
      }),
      runs,
    );
  });
});
