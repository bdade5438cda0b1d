// 回收站 page: what was deleted and what went with it; 还原 puts it back whole, 永久删除 / 清空 after asking.
import { useState } from 'react';
import type { RecycleBinEntry } from '@shared/channels/recycleBin';
import { invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageMessages } from '../../components/PageMessages';
import { useLedgerAction } from '../../hooks/useLedgerAction';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { describeContents, describeReferences, localTime, WHERE_IT_LIVES } from './binText';

/** 回收站: what was deleted, with what went along; 还原 puts it back whole, 永久删除 / 清空 after asking. */
export function RecycleBinPage() {
  const messages = usePageMessages();
  const { data: entries, reload } = useLedgerQuery('recycleBin:list', {}, { onError: messages.fail });
  const [purging, setPurging] = useState<RecycleBinEntry | null>(null);
  const [emptying, setEmptying] = useState(false);
  const action = useLedgerAction(messages);
  const busy = action.busy;

  // The list is read again after a failure too: part of it may have gone meanwhile.
  const act = (run: () => Promise<string>) =>
    action.run(run, { notice: (message) => message, reload, reloadOnError: true });

  const restore = (entry: RecycleBinEntry) =>
    act(async () => {
      const outcome = await invoke('recycleBin:restore', { id: entry.id });
      const along = describeContents(entry.kind, entry.counts);
      const lost = describeContents(entry.kind, outcome.lost);
      return (
        `已还原${outcome.kindLabel}“${outcome.label}”${along ? `，连同 ${along}` : ''}，可到“${WHERE_IT_LIVES[outcome.kind]}”查看。` +
        (lost ? `其中 ${lost}因所属的内容已被永久删除，未能还原。` : '')
      );
    });

  const purge = () => {
    const entry = purging;
    setPurging(null);
    if (!entry) return;
    void act(async () => {
      await invoke('recycleBin:purge', { id: entry.id });
      return `已永久删除${entry.kindLabel}“${entry.label}”。`;
    });
  };

  const empty = () => {
    setEmptying(false);
    void act(async () => `已清空回收站，永久删除了 ${(await invoke('recycleBin:empty', {})).purged} 项。`);
  };

  const count = entries?.length ?? 0;
  return (
    <section className="page page-bin">
      <div className="page-head">
        <h1>回收站</h1>
        <div className="toolbar">
          <span className="muted">共 {count} 项</span>
          <button type="button" className="danger" disabled={count === 0 || busy} onClick={() => setEmptying(true)}>
            清空回收站
          </button>
        </div>
      </div>
      <p className="muted bin-intro">
        删除的单位、任务、领导小组、调度轮次和文件会先放在这里，连同其下的推进情况、成员、单位关联等。点“还原”可原样放回；永久删除或清空后不能再找回。
      </p>
      <PageMessages messages={messages} />
      {entries && count === 0 && <p className="bin-empty">回收站是空的。</p>}
      {count > 0 && (
        <table className="list compact bin-list" aria-label="回收站内容">
          <thead>
            <tr>
              <th className="nowrap">删除时间</th>
              <th className="nowrap">类别</th>
              <th>名称</th>
              <th>一并删除的内容</th>
              <th className="nowrap">删除人</th>
              <th className="nowrap">操作</th>
            </tr>
          </thead>
          <tbody>
            {entries!.map((e) => {
              const contents = describeContents(e.kind, e.counts);
              const refs = describeReferences(e.counts);
              return (
                <tr key={e.id} data-bin-entry={e.label}>
                  <td className="nowrap">{localTime(e.deletedAt)}</td>
                  <td className="nowrap">{e.kindLabel}</td>
                  <td className="bin-label">{e.label}</td>
                  <td>
                    {contents || <span className="muted">无</span>}
                    {refs && <div className="muted">另有 {refs}引用它，还原时一并恢复引用</div>}
                  </td>
                  <td className="nowrap">{e.actor}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="primary"
                      disabled={busy}
                      onClick={() => void restore(e)}
                      aria-label={`还原${e.kindLabel}：${e.label}`}
                    >
                      还原
                    </button>
                    <button
                      type="button"
                      className="link danger-text"
                      disabled={busy}
                      onClick={() => setPurging(e)}
                      aria-label={`永久删除${e.kindLabel}：${e.label}`}
                    >
                      永久删除
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {purging && (
        <ConfirmDialog
          title="永久删除"
          message={`确定永久删除${purging.kindLabel}“${purging.label}”吗？永久删除后不能再还原，也不能用“撤销”找回。`}
          confirmLabel="永久删除"
          onConfirm={purge}
          onCancel={() => setPurging(null)}
        />
      )}
      {emptying && (
        <ConfirmDialog
          title="清空回收站"
          message={`确定清空回收站吗？其中的 ${count} 项将被永久删除，不能再还原，也不能用“撤销”找回。`}
          confirmLabel="清空回收站"
          onConfirm={empty}
          onCancel={() => setEmptying(false)}
        />
      )}
    </section>
  );
}
