// Adds a 部分, 重点任务 or 工作内容 at the place the clerk chose in the task list.
import { useState } from 'react';
import type { TaskLevel, TaskNode, Unit } from '@shared/domain';
import { unitMatches } from '@shared/unitNames';
import { errorMessage, invoke } from '../../api';
import { FormDialog } from '../../components/FormDialog';

const LEVEL_LABELS: Record<TaskLevel, string> = { section: '部分', task: '重点任务', item: '工作内容' };

export interface AddPosition {
  level: TaskLevel;
  parentId: number | null;
  afterId?: number;
  /** Shown to the clerk: where the new row goes. */
  where: string;
}

export function AddTaskDialog({
  position,
  units,
  onCancel,
  onCreated,
}: {
  position: AddPosition;
  units: Unit[];
  onCancel: () => void;
  onCreated: (t: TaskNode) => void;
}) {
  const [number, setNumber] = useState('');
  const [text, setText] = useState('');
  const [lead, setLead] = useState('');
  const [error, setError] = useState('');
  const isItem = position.level === 'item';
  const submit = async () => {
    const leadUnit = units.find((u) => u.name === lead) ?? units.find((u) => lead && unitMatches(u, lead));
    if (isItem && lead && !leadUnit) {
      setError(`找不到单位“${lead}”。请从列表中选择，或先在“责任单位”中新增。`);
      return;
    }
    try {
      const fields = isItem
        ? { number, content: text, leadUnitIds: leadUnit ? [leadUnit.id] : [] }
        : { number, title: text };
      onCreated(
        await invoke('tasks:create', {
          level: position.level,
          parentId: position.parentId,
          afterId: position.afterId,
          fields,
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <FormDialog
      title={`新增${LEVEL_LABELS[position.level]}`}
      submitLabel="保存"
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="muted">{position.where}</p>
      <label>
        序号
        <input
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          placeholder={isItem ? '如：1.' : position.level === 'task' ? '如：（一）或 1.' : '如：六、'}
        />
      </label>
      <label>
        {isItem ? '工作内容' : '标题'}
        <span className="required">*</span>
        <textarea autoFocus rows={isItem ? 4 : 2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {isItem && (
        <label>
          牵头单位<span className="required">*</span>
          <input
            list="unit-names"
            value={lead}
            onChange={(e) => setLead(e.target.value)}
            placeholder="输入名称、简称或别名"
          />
          <datalist id="unit-names">
            {units.map((u) => (
              <option key={u.id} value={u.name} />
            ))}
          </datalist>
        </label>
      )}
    </FormDialog>
  );
}
