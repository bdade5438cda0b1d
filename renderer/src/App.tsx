// The app's frame: the page list and the page in the URL hash, or the recovery screen if the ledger cannot open.
import { Layout, Menu } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { RecoveryState } from '@shared/channels/backups';
import { invoke } from './api';
import { AppNotices } from './components/AppNotices';
import { BackupsDialog } from './pages/backups/BackupsDialog';
import { RecoveryScreen } from './pages/backups/RecoveryScreen';
import { GroupsPage } from './pages/groups/GroupsPage';
import { ExportPage } from './pages/export/ExportPage';
import { HomePage } from './pages/home/HomePage';
import { ImportPage } from './pages/import/ImportPage';
import { RecycleBinPage } from './pages/recycleBin/RecycleBinPage';
import { RoundsPage } from './pages/rounds/RoundsPage';
import { TasksPage } from './pages/tasks/TasksPage';
import { UnitsPage } from './pages/units/UnitsPage';

const PAGES = [
  { id: 'home', label: '首页' },
  { id: 'tasks', label: '任务清单' },
  { id: 'groups', label: '领导小组' },
  { id: 'units', label: '责任单位' },
  { id: 'rounds', label: '调度轮次' },
  { id: 'import', label: '导入' },
  { id: 'export', label: '导出' },
  { id: 'recycleBin', label: '回收站' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

/** One line per page. */
const RENDER: Record<PageId, () => ReactNode> = {
  home: () => <HomePage />,
  tasks: () => <TasksPage />,
  groups: () => <GroupsPage />,
  units: () => <UnitsPage />,
  rounds: () => <RoundsPage />,
  import: () => <ImportPage />,
  export: () => <ExportPage />,
  recycleBin: () => <RecycleBinPage />,
};

/** The page lives in the URL hash so a reload (F5) stays where the clerk was. */
function pageFromHash(): PageId {
  const id = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return PAGES.find((p) => p.id === id)?.id ?? 'home';
}

export function App() {
  const [page, setPage] = useState<PageId>(pageFromHash);
  // Asked before any page: a ledger that could not be opened shows the recovery screen instead.
  const [recovery, setRecovery] = useState<RecoveryState | null | 'loading'>('loading');
  const [backupsOpen, setBackupsOpen] = useState(false);
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    invoke('recovery:state', {}).then(setRecovery, () => setRecovery(null));
    window.duban?.onMenu?.((command) => command === 'restore-backup' && setBackupsOpen(true));
  }, []);
  if (recovery === 'loading') return null;
  if (recovery?.problem) return <RecoveryScreen state={recovery} />;
  return (
    <Layout className="shell">
      {/* antd's Menu draws the page list; each entry stays a real link so the address (and F5) keep the page. */}
      <Layout.Sider width={132} className="nav-sider">
        <nav className="nav" aria-label="主导航">
          <div className="brand">督办台账</div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[page]}
            items={PAGES.map((p) => ({
              key: p.id,
              label: (
                <a href={`#/${p.id}`} aria-current={p.id === page ? 'page' : undefined}>
                  {p.label}
                </a>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      {/* Layout.Content is the page's <main>. */}
      <Layout.Content className="content">
        <AppNotices />
        {RENDER[page]()}
      </Layout.Content>
      {backupsOpen && <BackupsDialog onClose={() => setBackupsOpen(false)} />}
    </Layout>
  );
}
