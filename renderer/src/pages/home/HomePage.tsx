// 首页: the ledger at a glance, the current round's progress and each lead unit's completion.
import { Select } from 'antd';
import type { DashboardItem } from '@shared/channels/dashboard';
import { TASK_STATUSES } from '@shared/domain';
import { WARNING_LABELS, WARNING_LEVELS } from '@shared/warningLevel';
import { invoke } from '../../api';
import { PageMessages } from '../../components/PageMessages';
import { useLedgerAction } from '../../hooks/useLedgerAction';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { CompletionChart } from './CompletionChart';
import { WarningLight } from '../../components/WarningLight';

export function HomePage() {
  const messages = usePageMessages();
  const { data: view, reload } = useLedgerQuery('dashboard:view', {}, { onError: messages.fail });
  const action = useLedgerAction(messages);
  const setDueSoonDays = (days: number) =>
    action.run(() => invoke('settings:update', { dueSoonDays: days }), { reload });
  return (
    <section className="page home">
      <div className="page-head">
        <h1>首页</h1>
        {view && (
          <label className="muted">
            临期提醒：
            <Select
              aria-label="临期天数"
              value={view.dueSoonDays}
              style={{ width: 190 }}
              onChange={(days: number) => void setDueSoonDays(days)}
              options={[...new Set([7, 10, 15, 20, 30, 45, 60, view.dueSoonDays])]
                .sort((a, b) => a - b)
                .map((d) => ({ value: d, label: `${d} 天内到期显示黄灯` }))}
            />
          </label>
        )}
      </div>
      <PageMessages messages={messages} />
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
            <span className="cards-gap" />
            <a
              className="card"
              style={{ color: 'inherit', textDecoration: 'none' }}
              href="#unread-deadlines"
              aria-label={`时限未识别 ${view.unreadDeadlines.length}`}
            >
              <div className="card-value">{view.unreadDeadlines.length}</div>
              <div className="card-label">时限未识别</div>
            </a>
          </div>
          <p className="muted due-soon-breakdown" data-testid="due-soon-breakdown">
            临期 {view.byWarning.yellow} 项：{view.dueSoon.length} 项 {view.dueSoonDays} 天内到期；
            {view.recurringUnreported.length} 项周期性事项（每月、每季度等）本期尚未报送。
            {view.unreadDeadlines.length > 0 &&
              `另有 ${view.unreadDeadlines.length} 项完成时限未能识别为日期，不参与预警。`}
          </p>
          <div className="home-columns">
            <div>
              <ItemList title={`逾期未完成（截至 ${view.today}）`} items={view.overdue} empty="没有逾期事项。" />
              <ItemList
                title={`${view.dueSoonDays} 天内到期`}
                items={view.dueSoon}
                empty={`${view.dueSoonDays} 天内没有到期事项。`}
              />
              <ItemList
                title="周期性事项本期未报送"
                items={view.recurringUnreported}
                empty="周期性事项本期都已报送。"
              />
              <div id="unread-deadlines">
                <ItemList
                  title="完成时限未识别（不参与预警）"
                  items={view.unreadDeadlines}
                  empty="所有完成时限都已识别。"
                  hint="请在任务清单中把完成时限改为具体日期（如“2027年6月30日前”）、周期（如“每季度”）或“长期坚持”。"
                />
              </div>
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
                    应报 {view.currentRound.expected} 个单位，已报 {view.currentRound.reported.length} 个，未报{' '}
                    {view.currentRound.notReported.length} 个
                  </div>
                  {view.currentRound.notReported.length > 0 && (
                    <div className="not-reported">未报送：{view.currentRound.notReported.join('、')}</div>
                  )}
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

function ItemList({
  title,
  items,
  empty,
  hint,
}: {
  title: string;
  items: DashboardItem[];
  empty: string;
  hint?: string;
}) {
  return (
    <>
      <h2>
        {title}：{items.length} 项
      </h2>
      {items.length > 0 && hint && <p className="muted">{hint}</p>}
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
