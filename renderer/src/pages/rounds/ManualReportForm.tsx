// Progress typed in for one unit (told by phone), or a report already there corrected.
import { useEffect, useState, type FormEvent } from 'react';
import { REPORT_SOURCE_LABELS, type UnitReport, type UnitTask } from '@shared/channels/rounds';
import { TASK_STATUSES, type TaskStatus } from '@shared/domain';
import { errorMessage, invoke } from '../../api';

type Draft = {
  taskId: string;
  status: string;
  percent: string;
  progress: string;
  problems: string;
  nextSteps: string;
  source: 'phone' | 'manual';
};

const EMPTY: Omit<Draft, 'taskId' | 'source'> = { status: '', percent: '', progress: '', problems: '', nextSteps: '' };

function shorten(text: string, max = 40): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

/** Progress typed in for one unit (a phone call): choosing a task already reported shows that report to correct. */
export function ManualReportForm(props: {
  roundId: number;
  unitId: number;
  reports: UnitReport[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [tasks, setTasks] = useState<UnitTask[]>([]);
  const [draft, setDraft] = useState<Draft>({ taskId: '', source: 'phone', ...EMPTY });
  const [error, setError] = useState('');

  useEffect(() => {
    invoke('rounds:unitTasks', { unitId: props.unitId }).then(setTasks, (err) => setError(errorMessage(err)));
  }, [props.unitId]);

  const pickTask = (taskId: string) => {
    const r = props.reports.find((x) => String(x.taskId) === taskId);
    setDraft((d) => ({
      ...d,
      taskId,
      ...(r
        ? {
            status: r.status ?? '',
            percent: r.percent === null ? '' : String(r.percent),
            progress: r.progress,
            problems: r.problems,
            nextSteps: r.nextSteps,
          }
        : EMPTY),
    }));
  };
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.taskId) return setError('请先选择要录入进展的任务。');
    const percent = draft.percent.trim() === '' ? null : Number(draft.percent.replace(/[%％]/g, ''));
    if (percent !== null && Number.isNaN(percent)) return setError('完成进度应为 0 到 100 之间的数字。');
    try {
      await invoke('rounds:saveReport', {
        roundId: props.roundId,
        unitId: props.unitId,
        taskId: Number(draft.taskId),
        status: (draft.status || null) as TaskStatus | null,
        percent,
        progress: draft.progress,
        problems: draft.problems,
        nextSteps: draft.nextSteps,
        source: draft.source,
      });
      props.onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <form className="form manual-report" onSubmit={submit} aria-label="手工录入推进情况">
      <label>
        <span>
          任务
          <span className="required">*</span>
        </span>
        <select value={draft.taskId} onChange={(e) => pickTask(e.target.value)} aria-label="任务">
          <option value="">{tasks.length ? '选择该单位的任务' : '该单位没有分配任务'}</option>
          {tasks.map((t) => (
            <option key={t.taskId} value={t.taskId}>
              {`${shorten(t.content)}（${t.role === 'lead' ? '牵头' : '配合'}，${t.status}）`}
            </option>
          ))}
        </select>
      </label>
      <div className="form-row">
        <label>
          状态
          <select value={draft.status} onChange={set('status')}>
            <option value="">（未填）</option>
            {TASK_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          完成进度（%）
          <input inputMode="decimal" value={draft.percent} onChange={set('percent')} placeholder="0–100" />
        </label>
        <fieldset className="mode-switch">
          <legend>报送方式</legend>
          {(['phone', 'manual'] as const).map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name="source"
                checked={draft.source === s}
                onChange={() => setDraft((d) => ({ ...d, source: s }))}
              />
              {REPORT_SOURCE_LABELS[s]}
            </label>
          ))}
        </fieldset>
      </div>
      <label>
        完成情况
        <textarea rows={3} value={draft.progress} onChange={set('progress')} />
      </label>
      <div className="form-row">
        <label>
          存在问题
          <textarea rows={2} value={draft.problems} onChange={set('problems')} />
        </label>
        <label>
          下步打算
          <textarea rows={2} value={draft.nextSteps} onChange={set('nextSteps')} />
        </label>
      </div>
      {error && (
        <div className="error-banner" role="alert">
          {error}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
        <button type="submit" className="primary">
          保存进展
        </button>
      </div>
    </form>
  );
}
