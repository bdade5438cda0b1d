// One round's chase list: who was asked and who has answered; close or delete the round.
import { useState } from 'react';
import { REPORT_STATE_LABELS, type RoundView, type UnitReportStatus } from '@shared/channels/rounds';
import { ConfirmDialog } from '../../components/ConfirmDialog';

type Filter = 'all' | 'pending' | 'reported';

function periodText(v: RoundView): string {
  const { periodStart, periodEnd } = v.round;
  return periodStart || periodEnd ? `${periodStart ?? '？'} 至 ${periodEnd ?? '？'}` : '未填写';
}

/** Who was asked, who has answered: the chase list of one round. */
export function RoundDetail(props: {
  view: RoundView;
  onOpen: (unit: UnitReportStatus, typing: boolean) => void;
  onClose: () => void;
  onDelete: () => void;
  onEdit: () => void;
}) {
  const { view } = props;
  const [filter, setFilter] = useState<Filter>('all');
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const expected = view.units.filter((u) => u.expected);
  const count = (state: UnitReportStatus['state']) => expected.filter((u) => u.state === state).length;
  const shown = view.units.filter((u) =>
    filter === 'all' ? true : filter === 'reported' ? u.state === 'reported' : u.state !== 'reported',
  );

  return (
    <div className="round-detail">
      <div className="section-head">
        <h2>
          {view.round.name}
          {view.round.closed && <span className="badge">已关闭</span>}
        </h2>
        <div className="toolbar">
          <button type="button" onClick={props.onEdit}>
            修改本轮
          </button>
          {!view.round.closed && (
            <button type="button" onClick={() => setConfirming(true)}>
              关闭本轮
            </button>
          )}
          <button type="button" className="danger-text" onClick={() => setDeleting(true)}>
            删除本轮
          </button>
        </div>
      </div>
      <p className="muted round-facts">
        调度周期：{periodText(view)}　报送截止：{view.round.dueOn ?? '未填写'}　今天：{view.today}
      </p>
      <div className="cards">
        <div className="card">
          <div className="card-value">{expected.length}</div>
          <div className="card-label">应报单位</div>
        </div>
        <div className="card">
          <div className="card-value state-reported">{count('reported')}</div>
          <div className="card-label">已报送</div>
        </div>
        <div className="card">
          <div className="card-value">{count('missing')}</div>
          <div className="card-label">未报送</div>
        </div>
        <div className="card red">
          <div className="card-value">{count('overdue')}</div>
          <div className="card-label">逾期未报</div>
        </div>
      </div>
      <div className="filters" role="radiogroup" aria-label="按报送情况筛选">
        {(
          [
            ['all', '全部'],
            ['pending', '未报（含逾期）'],
            ['reported', '已报送'],
          ] as const
        ).map(([id, label]) => (
          <label key={id}>
            <input type="radio" name="round-filter" checked={filter === id} onChange={() => setFilter(id)} />
            {label}
          </label>
        ))}
      </div>
      <table className="list compact round-units" aria-label="各单位报送情况">
        <thead>
          <tr>
            <th className="nowrap">序号</th>
            <th>单位</th>
            <th className="nowrap">报送情况</th>
            <th className="nowrap">报送条数</th>
            <th className="nowrap">最近报送</th>
            <th className="nowrap">操作</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((u, i) => (
            <tr key={u.unitId} data-unit={u.unitName}>
              <td>{i + 1}</td>
              <td>
                {u.unitName}
                {!u.expected && <span className="muted">（未列入本轮）</span>}
              </td>
              <td className={`nowrap state-${u.state}`}>{REPORT_STATE_LABELS[u.state]}</td>
              <td>{u.reportCount}</td>
              <td className="nowrap">{u.lastReportedOn ?? ''}</td>
              <td className="nowrap">
                <button
                  type="button"
                  className="link"
                  onClick={() => props.onOpen(u, false)}
                  aria-label={`查看：${u.unitName}`}
                >
                  查看
                </button>
                {!view.round.closed && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => props.onOpen(u, true)}
                    aria-label={`录入：${u.unitName}`}
                  >
                    录入
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirming && (
        <ConfirmDialog
          title="关闭调度轮次"
          message={`确定关闭“${view.round.name}”吗？关闭后本轮只能查看，不能再录入或导入推进情况。`}
          confirmLabel="关闭本轮"
          onConfirm={() => {
            setConfirming(false);
            props.onClose();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="删除调度轮次"
          message={`确定删除“${view.round.name}”吗？本轮的推进情况和应报单位名单会一并移入回收站，需要时可以在“回收站”中还原。`}
          confirmLabel="删除"
          onConfirm={() => {
            setDeleting(false);
            props.onDelete();
          }}
          onCancel={() => setDeleting(false)}
        />
      )}
    </div>
  );
}
