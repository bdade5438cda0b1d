// 人员变动: one holder's term ends on a date and the successor's starts on it.
import { useState } from 'react';
import type { GroupMember } from '@shared/domain';
import { errorMessage, invoke } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { localToday } from './localToday';

/** 人员变动: the current holder's term ends on the date and the successor's starts on it. */
export function PersonChangeDialog(props: {
  member: GroupMember;
  unitName: string;
  onCancel: () => void;
  onChanged: (name: string) => void;
}) {
  const m = props.member;
  const [personName, setPersonName] = useState('');
  const [post, setPost] = useState(m.post);
  const [on, setOn] = useState(localToday());
  const [error, setError] = useState('');

  const submit = async () => {
    try {
      await invoke('groups:changePerson', { memberId: m.id, personName, post, on });
      props.onChanged(personName.trim());
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const current = [m.personName, m.post, props.unitName].filter(Boolean).join(' ');
  return (
    <FormDialog title="人员变动" submitLabel="确认变动" error={error} onSubmit={submit} onCancel={props.onCancel}>
      <p className="muted">
        {m.role}：{current || '（未填写）'}。变动后原任职记录保留为历史（可用“显示历史”查看）。
      </p>
      <label>
        <span>
          接任人员姓名
          <span className="required">*</span>
        </span>
        <input autoFocus value={personName} onChange={(e) => setPersonName(e.target.value)} />
      </label>
      <label>
        职务（岗位）
        <input value={post} onChange={(e) => setPost(e.target.value)} />
      </label>
      <label>
        <span>
          变动日期
          <span className="required">*</span>
        </span>
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      </label>
    </FormDialog>
  );
}
