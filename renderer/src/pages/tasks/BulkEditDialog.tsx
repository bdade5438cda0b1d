// One field (时限, 状态, 牵头 or 配合单位) set on every ticked work item at once, as one undo step.
import { useState } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { TASK_STATUSES, type TaskStatus, type Unit } from '@shared/domain';
import { UnitPicker } from './UnitPicker';

export type BulkField = 'deadlineText' | 'status' | 'leadUnitIds' | 'coUnitIds';
const LABELS: Record<BulkField, string> = {
  deadlineText: '完成时限',
  status: '状态',
  leadUnitIds: '牵头单位',
  coUnitIds: '配合单位',
};
const QUICK_WORDS = ['年底前', '季度末', '每季度', '每半年', '每年', '长期坚持'];

/** One field set on every ticked work item at once; one undo step. */
export function BulkEditDialog(props: {
  field: BulkField;
  count: number;
  units: Unit[];
  onCancel: () => void;
  onConfirm: (patch: Record<string, unknown>) => Promise<string | null>;
}) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<TaskStatus>('推进中');
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState('');
  const label = LABELS[props.field];
  const submit = async () => {
    const patch =
      props.field === 'deadlineText'
        ? { deadlineText: text }
        : props.field === 'status'
          ? { status }
          : { [props.field]: picked };
    setError((await props.onConfirm(patch)) ?? '');
  };
  return (
    <FormDialog
      title={`批量设置${label}`}
      submitLabel={`应用到 ${props.count} 项`}
      error={error}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <p className="muted">将应用到勾选的 {props.count} 项工作内容，可用“撤销”一次恢复。</p>
      {props.field === 'deadlineText' && (
        <>
          <label>
            完成时限
            <input
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="如：2025-12-31、2025年底前"
            />
          </label>
          <div className="chips">
            {QUICK_WORDS.map((w) => (
              <button key={w} type="button" className="chip" onClick={() => setText(w)}>
                {w}
              </button>
            ))}
          </div>
        </>
      )}
      {props.field === 'status' && (
        <label>
          状态
          <select value={status} onChange={(e) => setStatus(e.target.value as TaskStatus)}>
            {TASK_STATUSES.filter((s) => s !== '已销号').map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      )}
      {(props.field === 'leadUnitIds' || props.field === 'coUnitIds') && (
        <UnitPicker
          units={props.units}
          label={label}
          value={picked}
          onChange={setPicked}
          listClassName="picker-list-tall"
        />
      )}
    </FormDialog>
  );
}
