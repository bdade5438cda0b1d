// The AG Grid look and words every grid shares: the app's tokens (colour, font) and Chinese texts for an empty grid.
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { themeQuartz } from 'ag-grid-community';
import { appTokens } from './appTheme';

/** Grids read the same tokens as antd's controls, so a grid's selection and focus colour match the buttons beside it. */
export const gridTheme = themeQuartz.withParams({
  accentColor: appTokens.colorPrimary,
  fontFamily: 'inherit',
  fontSize: appTokens.fontSize,
  headerFontWeight: 700,
  borderRadius: appTokens.borderRadius,
});

/**
 * AG Grid's own Chinese says 无显示行/无匹配行; Chinese office software says 暂无数据 as antd's empty lists do,
 * and a search that finds nothing should say so rather than look like an empty ledger.
 */
export const gridLocaleText: Record<string, string> = {
  ...AG_GRID_LOCALE_CN,
  noRowsToShow: '暂无数据',
  noMatchingRows: '没有符合条件的数据，请换个查找词或清除筛选',
};
