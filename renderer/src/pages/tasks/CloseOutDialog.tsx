// 销号: the ticked tasks marked closed after review, with who reviewed them and when.
import { useState } from 'react';
import { FormDialog } from '../../components/FormDialog';

export function CloseOutDialog({
  count,
  today,
  onCancel,
  onConfirm,
}: {
  count: number;
  today: string;
  onCancel: () => void;
  onConfirm: (closedBy: string, closedOn: string) => Promise<string | null>;
}) {
  const [closedBy, setClosedBy] = useState('');
  const [closedOn, setClosedOn] = useState(today);
  const [error, setError] = useState('');
  const submit = async () => {
    setError((await onConfirm(closedBy, closedOn)) ?? '');
  };
  return (
    <FormDialog title="销号" submitLabel="确认销号" error={error} onSubmit={submit} onCancel={onCancel}>
      <p>将选中的 {count} 项任务标记为“已销号”（经审核确认完成）。</p>
      <label>
        审核人<span className="required">*</span>
        <input autoFocus value={closedBy} onChange={(e) => setClosedBy(e.target.value)} />
      </label>
      <label>
        销号日期
        <input type="date" value={closedOn} onChange={(e) => setClosedOn(e.target.value)} />
      </label>
    </FormDialog>
  );
}
