// 导入记录: every import with its files and SHA-256, undone batch by batch.
import { useCallback, useState } from 'react';
import type { ImportBatchView } from '@shared/channels/importBatches';
import { errorMessage, invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';

/** 导入记录: every import with its files and SHA-256, undoable batch by batch. */
export function ImportBatchList({
  version,
  onChanged,
}: {
  version: number;
  onChanged: (message: string, error: string) => void;
}) {
  const [undoing, setUndoing] = useState<ImportBatchView | null>(null);
  const fail = useCallback((err: unknown) => onChanged('', errorMessage(err)), [onChanged]);
  const query = useLedgerQuery('importBatches:list', {}, { onError: fail, refreshKey: version });
  const batches = query.data ?? [];
  const undo = async () => {
    const batch = undoing;
    setUndoing(null);
    if (!batch) return;
    try {
      query.setData(await invoke('importBatches:undo', { batchId: batch.id }));
      onChanged(`已撤销：${batch.label}`, '');
    } catch (err) {
      fail(err);
    }
  };
  if (batches.length === 0) return <p className="muted">还没有导入记录。</p>;
  return (
    <>
      <table className="list compact" aria-label="导入记录">
        <thead>
          <tr>
            <th>时间</th>
            <th>内容</th>
            <th>文件（SHA-256 前 12 位）</th>
            <th>数量</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id} className={b.undoneAt ? 'undone' : ''}>
              <td className="nowrap">{b.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{b.label}</td>
              <td>
                {b.files.map((f) => (
                  <div key={f.sha256}>
                    {f.fileName} <span className="muted">{f.sha256.slice(0, 12)}</span>
                  </div>
                ))}
              </td>
              <td className="nowrap">
                {Object.entries(b.counts)
                  .map(([k, v]) => `${COUNT_LABELS[k] ?? k} ${v}`)
                  .join('，')}
              </td>
              <td className="nowrap">
                {b.undoneAt ? (
                  `已撤销（${b.undoneAt.slice(0, 10)}）`
                ) : (
                  <button type="button" onClick={() => setUndoing(b)} aria-label={`撤销${b.label}`}>
                    撤销
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {undoing && (
        <ConfirmDialog
          title="撤销导入"
          message={`撤销“${undoing.label}”？这次导入写入的所有内容将被移除，台账恢复到导入前的样子。导入记录会保留。`}
          confirmLabel="撤销导入"
          onConfirm={undo}
          onCancel={() => setUndoing(null)}
        />
      )}
    </>
  );
}

const COUNT_LABELS: Record<string, string> = {
  rows: '条',
  units: '新增单位',
  sections: '部分',
  tasks: '重点任务',
  items: '工作内容',
  groups: '领导小组',
  added: '新增',
  changed: '修改',
  removed: '移入回收站',
};
