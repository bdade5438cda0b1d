// Ctrl+C from the task grid: text Excel/WPS split into the same cells, quoting and line breaks included.
import { describe, expect, it } from 'vitest';
import { toHtml, toTsv } from '../../../renderer/src/pages/tasks/gridCopy';
import { parseClipboardBlock } from '../../../renderer/src/pages/tasks/pastePlan';

describe('copying cells for Excel/WPS', () => {
  const block = [
    ['序号', '工作内容', '完成时限'],
    ['1.', '第一行\n第二行', '2025年底前'],
    ['2.', '带"引号"和\t制表符', ''],
  ];

  it('quotes cells as Excel does, so a paste (here or in Excel) gives back the same cells', () => {
    const tsv = toTsv(block);
    expect(tsv).toBe(
      '序号\t工作内容\t完成时限\r\n1.\t"第一行\n第二行"\t2025年底前\r\n2.\t"带""引号""和\t制表符"\t\r\n',
    );
    expect(parseClipboardBlock(tsv)).toEqual(block);
  });

  it('writes an HTML table with the header as th, text cells and line breaks kept inside the cell', () => {
    const html = toHtml(block, 1);
    expect(html.match(/<th /g)).toHaveLength(3);
    expect(html.match(/<td /g)).toHaveLength(6);
    expect(html).toContain('第一行<br style="mso-data-placement:same-cell">第二行');
    expect(html).toContain('带&quot;引号&quot;和\t制表符');
  });
});
