// The look of the leadership-group page's grids.
import { themeQuartz } from 'ag-grid-community';

export const gridTheme = themeQuartz.withParams({ fontFamily: 'inherit', fontSize: 14, headerFontWeight: 700 });
