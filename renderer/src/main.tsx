// Renderer entry: Chinese locale for antd and dayjs, the shared theme, grid modules, the error boundary around the app.
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { registerGridModules } from './gridModules';
import { appTheme } from './theme/appTheme';
import './styles.css';

dayjs.locale('zh-cn');
registerGridModules();

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </ConfigProvider>,
);
