// 新增成员: the dialog that adds a person or a member unit to a leadership group's roster.
import { useState } from 'react';
import { GROUP_ROLES, type GroupMember, type GroupRole, type Unit } from '@shared/domain';
import { errorMessage, invoke } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { localToday } from './localToday';

export function AddMemberDialog(props: {
  groupId: number;
  units: Unit[];
  onCancel: () => void;
  onAdded: (member: GroupMember) => void;
}) {
  const [form, setForm] = useState({
    role: '成员' as GroupRole,
    personName: '',
    post: '',
    unitId: '',
    validFrom: localToday(),
  });
  const [error, setError] = useState('');
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async () => {
    try {
      const member = await invoke('groups:addMember', {
        groupId: props.groupId,
        member: {
          role: form.role,
          personName: form.personName,
          post: form.post,
          unitId: form.unitId ? Number(form.unitId) : null,
        },
        validFrom: form.validFrom || null,
      });
      props.onAdded(member);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <FormDialog title="新增成员" submitLabel="保存" error={error} onSubmit={submit} onCancel={props.onCancel}>
      <label>
        职务
        <select value={form.role} onChange={set('role')}>
          {GROUP_ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        姓名
        <input autoFocus value={form.personName} onChange={set('personName')} placeholder="单位成员可不填姓名" />
      </label>
      <label>
        职务（岗位）
        <input value={form.post} onChange={set('post')} placeholder="如：主要负责人、副县长" />
      </label>
      <label>
        所在单位
        <select value={form.unitId} onChange={set('unitId')}>
          <option value="">（无）</option>
          {props.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        任职日期
        <input type="date" value={form.validFrom} onChange={set('validFrom')} />
      </label>
    </FormDialog>
  );
}
