import { useEffect, useState, type ReactNode } from 'react';
import { HomePage } from './pages/HomePage';
import { PlaceholderPage } from './pages/PlaceholderPage';
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
  groups: () => (
    <PlaceholderPage title="领导小组" text="领导小组页面将显示组长、副组长、成员及办公室设置，人员变动时保留历史记录，并维护成员单位职责。" />
  ),
  units: () => <UnitsPage />,
  rounds: () => (
    <PlaceholderPage title="调度轮次" text="调度轮次页面将用于新建一轮调度（如“2024年第二季度调度”），查看各单位已报、未报、逾期报送情况，并可手工录入电话报送的进展。" />
  ),
  import: () => (
    <PlaceholderPage
      title="导入"
      text="导入页面将读取各乡镇（街道）报回的推进情况表（xlsx、xls、csv），自动匹配任务，预览后一次性写入，可整批撤销；也可读取实施方案生成任务清单。"
    />
  ),
  export: () => (
    <PlaceholderPage title="导出" text="导出页面将生成会议用的重点任务清单、按单位分发表、填报模板、领导小组名单和调度通报（Excel，A4 横向打印）。" />
  ),
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
