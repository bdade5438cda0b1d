// The policy documents in the ledger with what cites them, so a wrong one can be deleted to 回收站.
import { useCallback, useState } from 'react';
import type { DocumentListItem } from '@shared/channels/recycleBin';
import { errorMessage, invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';

/** "45 项工作内容、1 个领导小组": the sections and tasks that cite it too go unsaid, a clerk counts work items. */
function citedBy(d: DocumentListItem): string {
  const tasks = d.itemCount > 0 ? `${d.itemCount} 项工作内容` : d.taskCount > 0 ? `${d.taskCount} 项任务` : '';
  return [tasks, d.groupCount > 0 ? `${d.groupCount} 个领导小组` : ''].filter(Boolean).join('、');
}

/** The policy documents in the ledger, each with what cites it, so a wrong one can be deleted (to 回收站). */
export function DocumentList({
  version,
  onChanged,
}: {
  version: number;
  onChanged: (message: string, error: string) => void;
}) {
  const [deleting, setDeleting] = useState<DocumentListItem | null>(null);
  const fail = useCallback((err: unknown) => onChanged('', errorMessage(err)), [onChanged]);
  const documents = useLedgerQuery('documents:list', {}, { onError: fail, refreshKey: version }).data ?? [];

  const remove = async () => {
    const doc = deleting;
    setDeleting(null);
    if (!doc) return;
    try {
      await invoke('documents:delete', { id: doc.id });
      onChanged(`已删除文件“${doc.title}”并移入回收站，需要时可在“回收站”中还原。`, '');
    } catch (err) {
      fail(err);
    }
  };

  if (documents.length === 0) return null;
  return (
    <div className="document-list">
      <h2>台账中的政策文件</h2>
      <table className="list compact" aria-label="台账中的政策文件">
        <thead>
          <tr>
            <th>文件标题</th>
            <th className="nowrap">文号</th>
            <th className="nowrap">发文机关</th>
            <th className="nowrap">成文日期</th>
            <th className="nowrap">引用情况</th>
            <th className="nowrap">操作</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>{d.title}</td>
              <td className="nowrap">{d.docNumber}</td>
              <td className="nowrap">{d.issuer}</td>
              <td className="nowrap">{d.issuedOn ?? ''}</td>
              <td className="nowrap">{citedBy(d) || '无'}</td>
              <td className="nowrap">
                <button
                  type="button"
                  className="link danger-text"
                  onClick={() => setDeleting(d)}
                  aria-label={`删除文件：${d.title}`}
                >
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting && (
        <ConfirmDialog
          title="删除文件"
          message={`确定删除文件“${deleting.title}”吗？${citedBy(deleting) ? `引用它的 ${citedBy(deleting)}不会被删除，只是不再标注来源文件。` : ''}文件会移入回收站，需要时可以在“回收站”中还原，引用也会一并恢复。`}
          confirmLabel="删除"
          onConfirm={remove}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
