// Page models for the AG Grid tables: the one file that knows AG Grid's markup (.ag-row, col-id, row-id),
// so a change of grid version or markup touches this file and not every spec.
import type { Locator, Page } from '@playwright/test';

/** AG Grid's selectors, for the few checks that must run inside the page (page.evaluate). */
export const AG = {
  row: '.ag-row',
  /** A cell of a column, by the column's id. */
  cell: (colId: string) => `.ag-cell[col-id="${colId}"]`,
  rowById: (rowId: string) => `.ag-row[row-id="${rowId}"]`,
  rowIdAttribute: 'row-id',
  colIdAttribute: 'col-id',
} as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches a cell whose whole text is `text`. */
export const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);

export class GridModel {
  constructor(
    readonly page: Page,
    /** The element the grid is drawn in. */
    readonly root: Locator,
    /** The column a row is found by (工作内容, 单位名称…). */
    private readonly keyColumn: string,
    /** Whether the key is the cell's whole text (a name) or its start (a long 工作内容). */
    private readonly keyMatch: 'exact' | 'contains',
  ) {}

  /** Every row drawn (AG Grid draws only the rows in view, and a few around them). */
  get rows(): Locator {
    return this.root.locator(AG.row);
  }

  /** The row whose key column reads `key`. */
  row(key: string): Locator {
    return this.rowWhere(this.keyColumn, this.keyMatch === 'exact' ? exactly(key) : key);
  }

  /** The rows with a cell in column `colId` holding `text`. */
  rowWhere(colId: string, text: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.locator(AG.cell(colId), { hasText: text }) });
  }

  rowById(rowId: string): Locator {
    return this.root.locator(AG.rowById(rowId));
  }

  /**
   * The cell in column `colId` of the row found by `key`, located through the row's id: it stays found
   * while the key cell itself is being edited (its text is then gone from the row).
   */
  async cell(key: string, colId: string): Promise<Locator> {
    const rowId = await this.row(key).first().getAttribute(AG.rowIdAttribute);
    return this.cellById(rowId ?? '', colId);
  }

  cellById(rowId: string, colId: string): Locator {
    return this.root.locator(`${AG.rowById(rowId)} ${AG.cell(colId)}`);
  }

  /** The cell in column `colId` of a row already found. */
  cellIn(row: Locator, colId: string): Locator {
    return row.locator(AG.cell(colId));
  }

  /** The cells of a column in the drawn rows. */
  column(colId: string): Locator {
    return this.root.locator(`${AG.row} ${AG.cell(colId)}`);
  }

  /** Cells of a column wherever they are drawn, spanned cells (a 重点任务 over its work items) included. */
  anyCells(colId: string, text?: string | RegExp): Locator {
    return this.root.locator(AG.cell(colId), text === undefined ? {} : { hasText: text });
  }

  /** The text of column `colId` in every drawn row, top to bottom as the clerk sees them ('' where empty). */
  async columnInScreenOrder(colId: string): Promise<string[]> {
    return this.rows.evaluateAll(
      (rows, col) =>
        rows
          .map((r) => ({
            index: Number(r.getAttribute('row-index')),
            text: r.querySelector(`[col-id="${col}"]`)?.textContent ?? '',
          }))
          .sort((a, b) => a.index - b.index)
          .map((r) => r.text),
      colId,
    );
  }

  /** The cell that has the keyboard focus (AG Grid marks it; it need not hold the DOM focus). */
  focusedCell(): Locator {
    return this.root.locator('.ag-cell-focus');
  }

  /** The tick box that selects a row. */
  checkbox(row: Locator): Locator {
    return row.locator('.ag-selection-checkbox input');
  }

  /** The handle a row is dragged by, in a cell of that row. */
  dragHandle(cell: Locator): Locator {
    return cell.locator('.ag-drag-handle');
  }

  /** The edge of a column's header that resizes the column. */
  resizeHandle(colId: string): Locator {
    return this.root.locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-resize`);
  }

  /** The text box of a popup editor (long text: 工作内容, 重点任务, 职责). */
  popupTextEditor(): Locator {
    return this.page.locator('.ag-popup-editor textarea');
  }
}

/** 任务清单: rows found by the start of their 工作内容. */
export const taskList = (app: { page: Page }) =>
  new GridModel(app.page, app.page.getByTestId('tasks-grid'), 'content', 'contains');

/** 责任单位: rows found by the unit's full name. */
export const unitsGrid = (app: { page: Page }) =>
  new GridModel(app.page, app.page.getByTestId('units-grid'), 'name', 'exact');

/** 领导小组 members: rows found by the person's full name (rowWhere('unit', …) for unit members). */
export const membersGrid = (app: { page: Page }) =>
  new GridModel(app.page, app.page.getByTestId('members-grid'), 'personName', 'exact');

/** 领导小组 member-unit duties: rows found by the unit's name. */
export const dutiesGrid = (app: { page: Page }) =>
  new GridModel(app.page, app.page.getByTestId('duties-grid'), 'unit', 'contains');
