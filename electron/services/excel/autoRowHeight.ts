// A row that starts at our estimated height yet grows as a township types: written with ht="…" but
// without customHeight="1". Excel and WPS show such a row at that height and auto-fit it again when a
// cell's text changes; LibreOffice treats it as an optimal-height row. exceljs writes customHeight
// whenever a height is set, so rows meant to grow are marked and the attribute is left out for them.
import type ExcelJS from 'exceljs';
// exceljs has no option for this; its row writer is wrapped once (same module the package itself uses).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RowXform = require('exceljs/lib/xlsx/xform/sheet/row-xform') as {
  prototype: { render(xmlStream: XmlStream, model: { height?: number }, options: unknown): void };
};

interface XmlStream {
  addAttribute(name: string, value: unknown): void;
}

/** Heights are whole pixels (multiples of 0.75 pt); an auto row carries this tiny extra as its mark. */
const MARK = 0.001;
const isMarked = (h: number | undefined) => h !== undefined && Math.round(h * 1000) % 10 === 1;

let wrapped = false;
function wrapRowWriter(): void {
  if (wrapped) return;
  wrapped = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
  const render = RowXform.prototype.render;
  RowXform.prototype.render = function (this: unknown, xmlStream, model, options) {
    if (!model || !isMarked(model.height)) return render.call(this, xmlStream, model, options);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
    const addAttribute = xmlStream.addAttribute;
    xmlStream.addAttribute = function (this: XmlStream, name: string, value: unknown) {
      if (name === 'customHeight') return;
      addAttribute.call(this, name, name === 'ht' ? Math.round((value as number) * 100) / 100 : value);
    };
    try {
      render.call(this, xmlStream, model, options);
    } finally {
      xmlStream.addAttribute = addAttribute;
    }
  };
}

/** Sets the row's height (points) as a starting height the spreadsheet app may grow. */
export function setGrowingHeight(row: ExcelJS.Row, height: number): void {
  wrapRowWriter();
  row.height = Math.round(height / 0.75) * 0.75 + MARK;
}
