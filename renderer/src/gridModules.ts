// Registers only the AG Grid modules the screens use, so a grid opens quickly.
import {
  CellSpanModule,
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  DateEditorModule,
  HighlightChangesModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowDragModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
} from 'ag-grid-community';

/**
 * Only the grid features the screens use. Every registered module builds its services when a grid is
 * created, and AllCommunityModule made that a visible part of opening the task list. A feature used
 * without its module logs "AG Grid: error #200"; the e2e fixture fails any test that logs one.
 */
export function registerGridModules(): void {
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    RowApiModule,
    ColumnApiModule,
    RenderApiModule,
    ScrollApiModule,
    CellSpanModule,
    CellStyleModule,
    RowStyleModule,
    RowAutoHeightModule,
    RowSelectionModule,
    RowDragModule,
    TooltipModule,
    HighlightChangesModule,
    QuickFilterModule,
    LocaleModule,
    TextEditorModule,
    LargeTextEditorModule,
    SelectEditorModule,
    CheckboxEditorModule,
    DateEditorModule,
    NumberEditorModule,
    CustomEditorModule,
  ]);
}
