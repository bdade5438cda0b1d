// Counting the lines of wrapped Chinese text without laying it out, as the grid's row heights need.
import { describe, expect, it } from 'vitest';
import { countWrappedLines } from '../../../renderer/src/pages/tasks/wrappedLines';

// A fixed width table, as a 14 px CJK font gives: Chinese characters and full-width punctuation 14 px,
// Latin letters and digits 7 px.
// eslint-disable-next-line no-control-regex -- Latin-1 as a range, U+0000 included
const widthOf = (ch: string) => (/[\u0000-\u00ff]/.test(ch) ? 7 : 14);

describe('counting the lines of wrapped Chinese text without laying it out', () => {
  it('breaks between any two Chinese characters, and between letters too (word-break: break-all)', () => {
    expect(countWrappedLines('一二三四五六', 42, widthOf)).toBe(2);
    expect(countWrappedLines('一二三四五六七', 42, widthOf)).toBe(3);
    expect(countWrappedLines('HIS2024ABCDEFGH', 42, widthOf)).toBe(3);
  });

  it('never starts a line with closing punctuation: the character before it moves down too', () => {
    // 一二 / 三，四 / 五 — not 一二三 / ，四五.
    expect(countWrappedLines('一二三，四五', 42, widthOf)).toBe(3);
    expect(countWrappedLines('一二三。', 42, widthOf)).toBe(2);
  });

  it('never ends a line with opening punctuation', () => {
    // 一二 / （三四 — not 一二（ / 三四.
    expect(countWrappedLines('一二（三四', 42, widthOf)).toBe(2);
    expect(countWrappedLines('一二（三四五', 42, widthOf)).toBe(3);
  });

  it('starts a new line at each line break, and an empty cell is one line', () => {
    expect(countWrappedLines('一\n二\n三', 200, widthOf)).toBe(3);
    expect(countWrappedLines('', 200, widthOf)).toBe(1);
  });

  it('puts a character wider than the column on a line of its own rather than looping', () => {
    expect(countWrappedLines('一二', 10, widthOf)).toBe(2);
    expect(countWrappedLines('一二', 0, widthOf)).toBe(1);
  });
});
