// Asks what to delete from the row the clerk is on: the work item, its 重点任务 or its 部分.
import { useMemo, useState } from 'react';
import type { GridRow } from '@shared/taskListRows';
import { FormDialog } from '../../components/FormDialog';

interface Choice {
  id: number;
  label: string;
}

const short = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/**
 * Asks what to delete from the row the clerk is on: the work item, its whole 重点任务 or its 部分. The grid
 * has no row of its own for a 重点任务 with work items, so this is where a whole task can be deleted.
 */
export function TaskDeleteDialog(props: {
  row: GridRow;
  allRows: GridRow[];
  onCancel: () => void;
  onConfirm: (id: number) => Promise<string | null>;
}) {
  const { row, allRows } = props;
  const choices = useMemo<Choice[]>(() => {
    const out: Choice[] = [];
    if (row.kind === 'item')
      out.push({ id: row.node.id, label: `工作内容“${short(row.node.content || row.node.title)}”` });
    if (row.task && row.kind !== 'section') {
      const items = allRows.filter((r) => r.kind === 'item' && r.task?.id === row.task!.id).length;
      out.push({
        id: row.task.id,
        label: `重点任务“${short(`${row.task.number}${row.task.title}`)}”${items ? `及其下的 ${items} 项工作内容` : ''}`,
      });
    }
    if (row.section) {
      const inSection = allRows.filter((r) => r.section?.id === row.section!.id && r.kind !== 'section');
      const tasks = new Set(inSection.map((r) => r.task?.id).filter((id) => id !== undefined)).size;
      const items = inSection.filter((r) => r.kind === 'item').length;
      out.push({
        id: row.section.id,
        label: `部分“${short(`${row.section.number}${row.section.title}`)}”及其下的 ${tasks} 项重点任务、${items} 项工作内容`,
      });
    }
    return out;
  }, [row, allRows]);
  const [chosen, setChosen] = useState(choices[0]?.id ?? 0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError((await props.onConfirm(chosen)) ?? '');
    setBusy(false);
  };
  return (
    <FormDialog
      title="删除任务"
      submitLabel="删除"
      error={error}
      busy={busy}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <div role="radiogroup" aria-label="删除范围" className="delete-choices">
        {choices.map((c) => (
          <label key={c.id} className="choice">
            <input type="radio" name="delete-scope" checked={chosen === c.id} onChange={() => setChosen(c.id)} />
            {c.label}
          </label>
        ))}
      </div>
      <p>删除的内容连同其推进情况和责任单位关联会一并移入回收站，需要时可以在“回收站”中还原，或点“撤销”。</p>
    </FormDialog>
  );
}
