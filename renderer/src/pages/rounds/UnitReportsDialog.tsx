// One unit's reports in a round, and typing one in while the round is open.
import { useState } from 'react';
import { REPORT_SOURCE_LABELS, type UnitReport, type UnitReportStatus } from '@shared/channels/rounds';
import type { ProgressRound } from '@shared/domain';
import { PageMessages } from '../../components/PageMessages';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { ManualReportForm } from './ManualReportForm';

const NO_REPORTS: UnitReport[] = [];

/** One unit's reports in a round, and (while the round is open) typing one in. */
export function UnitReportsDialog(props: {
  round: ProgressRound;
  unit: UnitReportStatus;
  startTyping: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { round, unit } = props;
  const [typing, setTyping] = useState(props.startTyping && !round.closed);
  const messages = usePageMessages();
  const query = useLedgerQuery(
    'rounds:unitReports',
    { roundId: round.id, unitId: unit.unitId },
    { onError: messages.fail },
  );
  const reports = query.data ?? NO_REPORTS;

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div className="modal wide" role="dialog" aria-modal="true" aria-labelledby="unit-reports-title">
        <div className="detail-head">
          <h2 id="unit-reports-title">
            {unit.unitName} · {round.name}
          </h2>
          <div className="toolbar">
            {!round.closed && !typing && (
              <button type="button" className="primary" onClick={() => setTyping(true)}>
                手工录入
              </button>
            )}
            <button type="button" onClick={props.onClose}>
              关闭
            </button>
          </div>
        </div>
        {round.closed && <p className="muted">本轮已关闭，只能查看，不能再录入。</p>}
        <PageMessages messages={messages} />
        {typing && (
          <ManualReportForm
            roundId={round.id}
            unitId={unit.unitId}
            reports={reports}
            onCancel={() => setTyping(false)}
            onSaved={() => {
              setTyping(false);
              messages.tell('已保存推进情况。');
              void query.reload();
              props.onChanged();
            }}
          />
        )}
        <div className="reports-scroll">
          {reports.length === 0 ? (
            <p className="muted">本轮尚无该单位的推进情况。</p>
          ) : (
            <table className="list compact">
              <thead>
                <tr>
                  <th>任务</th>
                  <th className="nowrap">状态</th>
                  <th className="nowrap">进度</th>
                  <th className="report-text">完成情况</th>
                  <th className="report-text">存在问题</th>
                  <th className="report-text">下步打算</th>
                  <th className="nowrap">来源</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <td className="report-task">{r.taskContent}</td>
                    <td className="nowrap">{r.status ?? ''}</td>
                    <td className="nowrap">{r.percent === null ? '' : `${r.percent}%`}</td>
                    <td>{r.progress}</td>
                    <td>{r.problems}</td>
                    <td>{r.nextSteps}</td>
                    <td className="nowrap">
                      {REPORT_SOURCE_LABELS[r.source] ?? r.source}
                      {r.reportedOn ? <div className="muted">{r.reportedOn}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </div>
  );
}
