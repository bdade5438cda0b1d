import { useState, type FormEvent } from 'react';

export function CloseOutDialog({ count, today, onCancel, onConfirm }: { count: number; today: string; onCancel: () => void; onConfirm: (closedBy: string, closedOn: string) => Promise<string | null> }) {
  const [closedBy, setClosedBy] = useState('');
  const [closedOn, setClosedOn] = useState(today);
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError((await onConfirm(closedBy, closedOn)) ?? '');
  };
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="modal form" role="dialog" aria-modal="true" aria-labelledby="close-out-title" onSubmit={submit}>
        <h2 id="close-out-title">销号</h2>
        <p>将选中的 {count} 项任务标记为“已销号”（经审核确认完成）。</p>
        <label>
          审核人<span className="required">*</span>
          <input autoFocus value={closedBy} onChange={(e) => setClosedBy(e.target.value)} />
        </label>
        <label>
          销号日期
          <input type="date" value={closedOn} onChange={(e) => setClosedOn(e.target.value)} />
        </label>
        {error && (
          <div className="error-banner" role="alert">
            {error}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button type="submit" className="primary">
            确认销号
          </button>
        </div>
      </form>
    </div>
  );
}
