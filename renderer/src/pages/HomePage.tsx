import { useEffect, useState } from 'react';
import type { DashboardItem, DashboardView } from '../../../shared/channels/dashboard';
import { TASK_STATUSES } from '../../../shared/domain';
import { errorMessage, invoke } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { CompletionChart } from './home/CompletionChart';
import { WARNING_LABELS, WARNING_LEVELS } from '../../../shared/warningLevel';
import { WarningLight } from './tasks/WarningLight';

export function HomePage() {
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState('');
  const load = () => invoke('dashboard:view', {}).then(setView, (err) => setError(errorMessage(err)));
  useEffect(() => {
    void load();
  }, []);
  const setDueSoonDays = async (days: number) => {
    try {
      await invoke('settings:update', { dueSoonDays: days });
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section className="page home">
      <div className="page-head">
        <h1>首页</h1>
        {view && (
          <label className="muted">
            临期提醒：
            <select aria-label="临期天数" value={view.dueSoonDays} onChange={(e) => void setDueSoonDays(Number(e.target.value))}>
              {[...new Set([7, 10, 15, 20, 30, 45, 60, view.dueSoonDays])]
                .sort((a, b) => a - b)
                .map((d) => (
                  <option key={d} value={d}>
                    {d} 天内到期显示黄灯
                  </option>
                ))}
            </select>
          </label>
        )}
      </div>
      <ErrorBanner message={error} onClose={() => setError('')} />
      {view && (
        <>
          <div className="cards" aria-label="任务概况">
            <Card label="工作内容" value={view.items} />
            {WARNING_LEVELS.map((w) => (
              <Card key={w} label={WARNING_LABELS[w]} value={view.byWarning[w]} light={w} />
            ))}
            <span className="cards-gap" />
            {TASK_STATUSES.map((s) => (
              <Card key={s} label={s} value={view.byStatus[s]} />
            ))}
          </div>
          <div className="home-columns">
            <div>
              <ItemList title={`逾期未完成（截至 ${view.today}）`} items={view.overdue} empty="没有逾期事项。" />
              <ItemList title={`${view.dueSoonDays} 天内到期`} items={view.dueSoon} empty={`${view.dueSoonDays} 天内没有到期事项。`} />
            </div>
            <div>
              <h2>本轮调度</h2>
              {view.currentRound ? (
                <div className="round-box" data-testid="current-round">
                  <div>
                    <strong>{view.currentRound.name}</strong>
                    {view.currentRound.dueOn && <span className="muted">（报送截止 {view.currentRound.dueOn}）</span>}
                  </div>
                  <div>
                    应报 {view.currentRound.expected} 个单位，已报 {view.currentRound.reported.length} 个，未报 {view.currentRound.notReported.length} 个
                  </div>
                  {view.currentRound.notReported.length > 0 && <div className="not-reported">未报送：{view.currentRound.notReported.join('、')}</div>}
                </div>
              ) : (
                <p className="muted">还没有调度轮次。</p>
              )}
              <h2>牵头单位完成情况</h2>
              <CompletionChart units={view.byLeadUnit.slice(0, 12)} />
              <table className="list compact" aria-label="牵头单位完成情况">
                <thead>
                  <tr>
                    <th>牵头单位</th>
                    <th>任务数</th>
                    <th>已完成</th>
                    <th>逾期</th>
                    <th>完成率</th>
                  </tr>
                </thead>
                <tbody>
                  {view.byLeadUnit.map((u) => (
                    <tr key={u.unitId}>
                      <td>{u.name}</td>
                      <td>{u.total}</td>
                      <td>{u.done}</td>
                      <td className={u.overdue ? 'overdue-count' : ''}>{u.overdue}</td>
                      <td>{u.rate}%</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function Card({ label, value, light }: { label: string; value: number; light?: 'red' | 'yellow' | 'green' | 'grey' }) {
  return (
    <div className="card" aria-label={`${label} ${value}`}>
      <div className="card-value">{value}</div>
      <div className="card-label">{light ? <WarningLight level={light} /> : label}</div>
    </div>
  );
}

function ItemList({ title, items, empty }: { title: string; items: DashboardItem[]; empty: string }) {
  return (
    <>
      <h2>
        {title}：{items.length} 项
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="list" aria-label={title}>
          <thead>
            <tr>
              <th>工作内容</th>
              <th>完成时限</th>
              <th>牵头单位</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id}>
                <td>
                  <a href={`#/tasks?focus=${o.id}`}>{o.content}</a>
                </td>
                <td className="nowrap">{o.deadline}</td>
                <td>{o.leadUnits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
