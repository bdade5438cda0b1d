// A number formatted as a percentage is read as the township sees it on screen, in .xlsx and in .xls.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readReturnFile } from '../../../electron/services/returns/readReturnFile';

describe('percent-formatted cells', () => {
  it('reads 0.8 shown as 80% as "80%" from .xlsx, and leaves plain numbers alone', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('推进情况');
    sheet.addRow(['完成进度', '序号']);
    sheet.addRow([0.8, 3]);
    sheet.getCell('A2').numFmt = '0%';
    const read = await readReturnFile('沙溪镇.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(read.sheets[0]?.rows[1]).toEqual(['80%', 3]);
  });

  it('does the same for a legacy .xls', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['完成进度', '序号'],
      [0.755, 3],
    ]);
    ws.A2.z = '0.0%';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '推进情况');
    const data = XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const read = await readReturnFile('沙溪镇.xls', data);
    expect(read.sheets[0]?.rows[1]).toEqual(['75.5%', 3]);
  });
});
