// The one set of design tokens: antd's ConfigProvider and the AG Grid theme both read them, so controls and grids match.
import type { ThemeConfig } from 'antd';

export const appTokens = {
  colorPrimary: '#1f5fa8',
  fontFamily: '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  fontSize: 14,
  borderRadius: 4,
} as const;

export const appTheme: ThemeConfig = {
  token: { ...appTokens },
};
