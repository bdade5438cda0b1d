// 任务详情 in a drawer over the grid: one task's units, deadline, status, its progress reports and its change history.
import type { Unit } from '@shared/domain';
import { PageMessages } from '../../components/PageMessages';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';

const ACTIONS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  import: '导入',
  undo: '撤销',
  redo: '重做',
  restore: '从回收站还原',
};

export function TaskDetailPanel({
  taskId,
  latest,
  units,
  version,
  onClose,
}: {
  taskId: number;
  /** The grid's 最新进展, shown at the top since the drawer covers that column. */
  latest: string;
  units: Unit[];
  version: number;
  onClose: () => void;
}) {
  const messages = usePageMessages();
  const detail = useLedgerQuery('tasks:detail', { id: taskId }, { onError: messages.fail, refreshKey: version }).data;
  const name = (id: number) => units.find((u) => u.id === id)?.name ?? '';
  const t = detail?.task;
  return (
    <aside className="detail-panel" aria-label="任务详情">
      <div className="detail-head">
        <h2>任务详情</h2>
        <button type="button" className="link" onClick={onClose}>
          关闭
        </button>
      </div>
      <PageMessages messages={messages} />
      {t && detail && (
        <div className="detail-body">
          <div className="muted">{detail.path.join(' › ')}</div>
          <p className="detail-content">
            {t.number} {t.content || t.title}
          </p>
          <dl>
            <dt>完成时限</dt>
            <dd>{t.deadline.text || t.deadline.date || '—'}</dd>
            <dt>状态</dt>
            <dd>
              {t.status}
              {t.closedBy && `（${t.closedOn ?? ''} ${t.closedBy} 审核销号）`}
            </dd>
            <dt>最新进展</dt>
            <dd>{latest || '—'}</dd>
            <dt>牵头单位</dt>
            <dd>{t.leadUnitIds.map(name).join('、') || '—'}</dd>
            <dt>配合单位</dt>
            <dd>{t.coUnitIds.map(name).join('、') || '—'}</dd>
            {t.targets.length > 0 && (
              <>
                <dt>目标指标</dt>
                <dd>
                  <ul>
                    {t.targets.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {t.notes && (
              <>
                <dt>备注</dt>
                <dd>{t.notes}</dd>
              </>
            )}
          </dl>
          <h3>推进情况（{detail.reports.length} 条）</h3>
          {detail.reports.length === 0 && <p className="muted">还没有报送记录。</p>}
          {detail.reports.map((r) => (
            <div key={r.id} className="report">
              <div className="report-head">
                {r.roundName} · {r.unitName} · {r.status ?? '—'}
                {r.percent !== null && ` · ${r.percent}%`}
              </div>
              {r.progress && <p>完成情况：{r.progress}</p>}
              {r.problems && <p>存在问题：{r.problems}</p>}
              {r.nextSteps && <p>下步打算：{r.nextSteps}</p>}
            </div>
          ))}
          <h3>修改记录</h3>
          <ul className="history">
            {/* An update this panel has no field for (the source document emptied by deleting it) would read as an empty 修改. */}
            {detail.history
              .filter((h) => h.action !== 'update' || h.changes.length > 0)
              .map((h, i) => (
                <li key={i}>
                  <span className="muted">
                    {h.at.slice(0, 16).replace('T', ' ')} {h.actor} {ACTIONS[h.action] ?? h.action}
                  </span>
                  {h.action === 'update' &&
                    h.changes.map((c) => (
                      <div key={c.field}>
                        {c.field}：{c.before || '（空）'} → {c.after || '（空）'}
                      </div>
                    ))}
                </li>
              ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
