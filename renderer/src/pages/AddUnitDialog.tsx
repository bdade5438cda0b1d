import { useState, type FormEvent } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '../../../shared/domain';
import { errorMessage, invoke } from '../api';
import { splitAliases } from './splitAliases';

export function AddUnitDialog({ onCancel, onCreated }: { onCancel: () => void; onCreated: (unit: Unit) => void }) {
  const [form, setForm] = useState({ name: '', shortName: '', kind: 'county_department' as UnitKind, aliases: '', contactPerson: '', phone: '' });
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      onCreated(await invoke('units:create', { ...form, aliases: splitAliases(form.aliases) }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="modal form" role="dialog" aria-modal="true" aria-labelledby="add-unit-title" onSubmit={submit}>
        <h2 id="add-unit-title">新增责任单位</h2>
        <label>
          单位名称<span className="required">*</span>
          <input autoFocus value={form.name} onChange={set('name')} placeholder="如：县医疗保障局" />
        </label>
        <label>
          简称
          <input value={form.shortName} onChange={set('shortName')} placeholder="如：县医保局" />
        </label>
        <label>
          类别
          <select value={form.kind} onChange={set('kind')}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {UNIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          别名（用顿号分隔）
          <input value={form.aliases} onChange={set('aliases')} />
        </label>
        <label>
          联系人
          <input value={form.contactPerson} onChange={set('contactPerson')} />
        </label>
        <label>
          电话
          <input value={form.phone} onChange={set('phone')} />
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
          <button type="submit" className="primary" disabled={saving}>
            保存
          </button>
        </div>
      </form>
    </div>
  );
}
