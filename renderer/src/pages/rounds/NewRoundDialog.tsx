// 新建调度轮次: name, period and due date; the units with unfinished work are asked unless the clerk unticks them.
import { useEffect, useState } from 'react';
import type { RoundUnitChoice } from '@shared/channels/rounds';
import type { ProgressRound } from '@shared/domain';
import { errorMessage, invoke } from '../../api';
import { FormDialog } from '../../components/FormDialog';

/** A new round asks the units with unfinished work by default; the clerk unticks whom not to chase. */
export function NewRoundDialog(props: { onCancel: () => void; onCreated: (round: ProgressRound) => void }) {
  const [choices, setChoices] = useState<RoundUnitChoice[]>([]);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [form, setForm] = useState({ name: '', periodStart: '', periodEnd: '', dueOn: '' });
  const [error, setError] = useState('');
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  useEffect(() => {
    invoke('rounds:unitChoices', {}).then(
      (c) => {
        setChoices(c);
        setTicked(new Set(c.filter((u) => u.suggested).map((u) => u.unitId)));
      },
      (err) => setError(errorMessage(err)),
    );
  }, []);

  const toggle = (id: number) =>
    setTicked((t) => {
      const next = new Set(t);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = async () => {
    if (!form.dueOn) return setError('请填写报送截止日期。');
    try {
      const round = await invoke('rounds:create', {
        name: form.name,
        periodStart: form.periodStart || null,
        periodEnd: form.periodEnd || null,
        dueOn: form.dueOn,
        unitIds: choices.filter((c) => ticked.has(c.unitId)).map((c) => c.unitId),
      });
      props.onCreated(round);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const shown = showAll ? choices : choices.filter((c) => c.suggested || ticked.has(c.unitId));
  return (
    <FormDialog title="新建调度轮次" submitLabel="创建" error={error} onSubmit={submit} onCancel={props.onCancel} wide>
      <label>
        <span>
          轮次名称
          <span className="required">*</span>
        </span>
        <input autoFocus value={form.name} onChange={set('name')} placeholder="如：2024年第二季度调度" />
      </label>
      <div className="form-row">
        <label>
          调度周期开始
          <input type="date" value={form.periodStart} onChange={set('periodStart')} />
        </label>
        <label>
          调度周期结束
          <input type="date" value={form.periodEnd} onChange={set('periodEnd')} />
        </label>
        <label>
          <span>
            报送截止日期
            <span className="required">*</span>
          </span>
          <input type="date" value={form.dueOn} onChange={set('dueOn')} />
        </label>
      </div>
      <fieldset className="unit-ticks">
        <legend>需报送单位（已勾选 {ticked.size} 个；默认勾选有未完成任务的单位）</legend>
        <div className="unit-tick-list">
          {shown.map((c) => (
            <label key={c.unitId} className="check">
              <input type="checkbox" checked={ticked.has(c.unitId)} onChange={() => toggle(c.unitId)} />
              {c.name}
            </label>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          显示全部单位
        </label>
      </fieldset>
    </FormDialog>
  );
}
