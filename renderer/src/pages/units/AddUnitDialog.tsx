// 新增责任单位: the dialog that adds a unit with its kind, short name and aliases.
import { useState } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '@shared/domain';
import { errorMessage, invoke } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { splitAliases } from '@shared/unitNames';

export function AddUnitDialog({ onCancel, onCreated }: { onCancel: () => void; onCreated: (unit: Unit) => void }) {
  const [form, setForm] = useState({
    name: '',
    shortName: '',
    kind: 'county_department' as UnitKind,
    aliases: '',
    contactPerson: '',
    phone: '',
  });
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async () => {
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
    <FormDialog
      title="新增责任单位"
      submitLabel="保存"
      error={error}
      busy={saving}
      onSubmit={submit}
      onCancel={onCancel}
    >
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
    </FormDialog>
  );
}
