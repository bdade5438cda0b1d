import { useEffect, useState, type ReactNode } from 'react';
import { GroupsPage } from './pages/GroupsPage';
import { ExportPage } from './pages/export/ExportPage';
import { HomePage } from './pages/HomePage';
import { ImportPage } from './pages/import/ImportPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { RoundsPage } from './pages/RoundsPage';
import { TasksPage } from './pages/tasks/TasksPage';
import { UnitsPage } from './pages/UnitsPage';

const PAGES = [
  { id: 'home', label: '首页' },
  { id: 'tasks', label: '任务清单' },
  { id: 'groups', label: '领导小组' },
  { id: 'units', label: '责任单位' },
  { id: 'rounds', label: '调度轮次' },
  { id: 'import', label: '导入' },
  { id: 'export', label: '导出' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

/** One line per page; a page not built yet says what will come. */
const RENDER: Record<PageId, () => ReactNode> = {
  home: () => <HomePage />,
  tasks: () => <TasksPage />,
  groups: () => <GroupsPage />,
  units: () => <UnitsPage />,
  rounds: () => <RoundsPage />,
  import: () => <ImportPage />,
  export: () => <ExportPage />,
};

/** The page lives in the URL hash so a reload (F5) stays where the clerk was. */
function pageFromHash(): PageId {
  const id = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return (PAGES.find((p) => p.id === id)?.id ?? 'home') as PageId;
}

export function App() {
  const [page, setPage] = useState<PageId>(pageFromHash);
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div className="shell">
      <nav className="nav" aria-label="主导航">
        <div className="brand">督办台账</div>
        {PAGES.map((p) => (
          <a key={p.id} href={`#/${p.id}`} className={p.id === page ? 'active' : ''} aria-current={p.id === page ? 'page' : undefined}>
            {p.label}
          </a>
        ))}
      </nav>
      <main className="content">{RENDER[page]()}</main>
    </div>
  );
}
