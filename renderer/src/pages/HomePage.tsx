import { useEffect, useState } from 'react';
import type { LedgerSummary } from '../../../shared/channels';
import { errorMessage, invoke } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';

export function HomePage() {
  const [summary, setSummary] = useState<LedgerSummary | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    invoke('ledger:summary', {}).then(setSummary, (err) => setError(errorMessage(err)));
  }, []);
  return (
    <section className="page">
      <h1>首页</h1>
      <ErrorBanner message={error} onClose={() => setError('')} />
      {summary && (
        <>
          <div className="cards">
            <Card label="工作内容" value={summary.items} />
            <Card label="逾期未完成" value={summary.overdue} tone={summary.overdue > 0 ? 'red' : undefined} />
            {Object.entries(summary.itemsByStatus).map(([status, n]) => (
              <Card key={status} label={status} value={n} />
            ))}
            <Card label="责任单位" value={summary.units} />
            <Card label="领导小组" value={summary.groups} />
          </div>
          <h2>逾期未完成事项（截至 {summary.today}）</h2>
          {summary.overdueItems.length === 0 ? (
            <p className="muted">没有逾期事项。</p>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th>工作内容</th>
                  <th>完成时限</th>
                  <th>牵头单位</th>
                </tr>
              </thead>
              <tbody>
                {summary.overdueItems.map((o) => (
                  <tr key={o.id}>
                    <td>{o.content}</td>
                    <td className="nowrap">{o.deadline}</td>
                    <td className="nowrap">{o.leadUnits.join('、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function Card({ label, value, tone }: { label: string; value: number; tone?: 'red' }) {
  return (
    <div className={`card ${tone ?? ''}`}>
      <div className="card-value">{value}</div>
      <div className="card-label">{label}</div>
    </div>
  );
}
