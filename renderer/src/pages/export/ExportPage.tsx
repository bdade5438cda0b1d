// 导出 page: the task list for meetings, per-unit dispatch and 填报模板, rosters and the 调度通报.
import { viewedDocumentOf } from '../../viewedDocument';
import { useCallback, useRef, useState } from 'react';
import { TASK_LIST_COLUMN_NAMES, type ExportOutcome } from '@shared/channels/exports';
import {
  TASK_STATUSES,
  type LeadershipGroup,
  type LedgerSnapshot,
  type ProgressRound,
  type Unit,
} from '@shared/domain';
import { appendixTitle } from '@shared/exportTitles';
import { invoke } from '../../api';
import { PageMessages } from '../../components/PageMessages';
import { useLedgerAction } from '../../hooks/useLedgerAction';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { BulletinCard } from './BulletinCard';

type Column = (typeof TASK_LIST_COLUMN_NAMES)[number];
const DEFAULT_COLUMNS: Column[] = ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'];

const NO_SNAPSHOT = {
  units: [] as Unit[],
  rounds: [] as ProgressRound[],
  groups: [] as LeadershipGroup[],
  documents: [] as LedgerSnapshot['documents'],
};

export function ExportPage() {
  const messages = usePageMessages();
  const { fail, clearError } = messages;
  const [groupId, setGroupId] = useState<number | null>(null);
  const [title, setTitle] = useState('重点任务清单');
  const [attachmentLabel, setAttachmentLabel] = useState('');
  const [madeBy, setMadeBy] = useState('');
  const [columns, setColumns] = useState<Column[]>(DEFAULT_COLUMNS);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [status, setStatus] = useState<'' | '逾期' | (typeof TASK_STATUSES)[number]>('');
  const [picked, setPicked] = useState<number[]>([]);
  const [mode, setMode] = useState<'files' | 'sheets'>('sheets');
  const [roundId, setRoundId] = useState<number | null>(null);
  /** One plan per export; null = 全部 (a neutral title). */
  const [documentId, setDocumentId] = useState<number | null>(null);
  const [shortNames, setShortNames] = useState(false);
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState<ExportOutcome | null>(null);
  const titled = useRef(false);
  // The first answer picks the defaults (group, newest round, a title from the first document); later
  // answers (after 撤销/重做) only refresh the lists.
  const onSnapshot = useCallback((snap: LedgerSnapshot) => {
    setGroupId((id) => id ?? snap.groups[0]?.id ?? null);
    setRoundId((id) => id ?? snap.rounds.at(-1)?.id ?? null);
    if (!titled.current) {
      const id = viewedDocumentOf(snap.documents);
      setDocumentId(id);
      setTitle(appendixTitle(snap.documents.find((d) => d.id === id)));
      // 简称 in the unit columns by default when the ledger has them.
      setShortNames(snap.units.some((u) => u.shortName.trim() !== ''));
    }
    titled.current = true;
  }, []);
  const { units, rounds, groups, documents } =
    useLedgerQuery('ledger:snapshot', {}, { onError: fail, onData: onSnapshot }).data ?? NO_SNAPSHOT;
  const action = useLedgerAction(messages);

  const run = async (label: string, exporting: () => Promise<ExportOutcome>) => {
    setBusy(`正在${label}……`);
    clearError();
    setDone(null);
    const result = await action.run(exporting);
    setBusy('');
    if (!result.ok) return;
    const outcome = result.value;
    if (outcome.files.length) setDone(outcome);
    if (outcome.failed?.length) fail(`有 ${outcome.failed.length} 个文件没有保存：${outcome.failed.join(' ')}`);
  };
  const open = (file: string, folder: boolean) => action.run(() => invoke('export:open', { file, folder }));
  const toggleColumn = (c: Column) =>
    setColumns((list) =>
      list.includes(c)
        ? list.filter((x) => x !== c)
        : TASK_LIST_COLUMN_NAMES.filter((x) => list.includes(x) || x === c),
    );
  const chooseDocument = (id: number | null) => {
    setDocumentId(id);
    setTitle(appendixTitle(documents.find((d) => d.id === id)));
  };
  // Dispatch and templates go to the townships most often: one click ticks all of them.
  const townships = units.filter((u) => u.kind === 'township');
  const togglePicked = (id: number) =>
    setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));

  return (
    <section className="page export-page">
      <h1>导出</h1>
      <PageMessages messages={messages} />
      {busy && <div role="status">{busy}</div>}
      {done && (
        <div className="notice" role="status">
          已导出 {done.files.length} 个文件：{done.files.map((f) => f.split(/[\\/]/).pop()).join('、')}
          {done.noWork?.length ? (
            <span className="no-work">。以下单位在所选文件中没有承担的工作内容，未生成：{done.noWork.join('、')}</span>
          ) : null}
          <button type="button" className="link" onClick={() => open(done.files[0] ?? '', false)}>
            打开文件
          </button>
          <button type="button" className="link" onClick={() => open(done.files[0] ?? '', true)}>
            打开所在文件夹
          </button>
        </div>
      )}
      <div className="export-cards">
        <div className="export-card">
          <h2>重点任务清单（会议用，A4 横向）</h2>
          <div className="row">
            <label>
              文件
              <select
                aria-label="导出文件"
                value={documentId ?? ''}
                onChange={(e) => chooseDocument(e.target.value ? Number(e.target.value) : null)}
              >
                {documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
                <option value="">全部文件</option>
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={shortNames}
                onChange={(e) => setShortNames(e.target.checked)}
                aria-label="单位用简称"
              />
              单位用简称
            </label>
          </div>
          <label>
            标题
            <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label="表格标题" />
          </label>
          <div className="row">
            <label>
              附件编号
              <input
                value={attachmentLabel}
                placeholder="如：附件2"
                onChange={(e) => setAttachmentLabel(e.target.value)}
                aria-label="附件编号"
              />
            </label>
            <label>
              制表单位/日期行
              <input
                value={madeBy}
                placeholder="如：制表单位：县卫生健康局"
                onChange={(e) => setMadeBy(e.target.value)}
                aria-label="制表单位"
              />
            </label>
          </div>
          <fieldset className="columns-choice">
            <legend>列</legend>
            {TASK_LIST_COLUMN_NAMES.map((c) => (
              <label key={c}>
                <input type="checkbox" checked={columns.includes(c)} onChange={() => toggleColumn(c)} />
                {c}
              </label>
            ))}
          </fieldset>
          <div className="row">
            <select
              aria-label="导出单位"
              value={unitId ?? ''}
              onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">全部单位</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <select aria-label="导出状态" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
              <option value="">全部状态</option>
              {[...TASK_STATUSES, '逾期'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <button
              type="button"
              className="primary"
              onClick={() =>
                run('导出重点任务清单', () =>
                  invoke('export:tasks', {
                    title,
                    attachmentLabel,
                    madeBy,
                    columns,
                    shortNames,
                    filter: { unitId, status, documentId },
                  }),
                )
              }
            >
              导出任务清单…
            </button>
          </div>
        </div>
        <div className="export-card">
          <h2>按单位分发 / 填报模板</h2>
          <p className="muted">
            勾选单位：分发表含该单位牵头、配合及“各乡镇街道”等集合承担的任务；填报模板供各单位填写本轮推进情况，导入时按隐藏的任务编号对应。
          </p>
          <div className="row">
            <button type="button" onClick={() => setPicked(townships.map((u) => u.id))}>
              全选乡镇（街道）
            </button>
            <button type="button" onClick={() => setPicked(units.map((u) => u.id))}>
              全选
            </button>
            <button type="button" onClick={() => setPicked([])}>
              全不选
            </button>
            <span className="muted">已选 {picked.length} 个单位</span>
          </div>
          <ul className="unit-picks" aria-label="选择单位">
            {units.map((u) => (
              <li key={u.id}>
                <label>
                  <input type="checkbox" checked={picked.includes(u.id)} onChange={() => togglePicked(u.id)} />
                  {u.name}
                </label>
              </li>
            ))}
          </ul>
          <div className="row">
            <select aria-label="分发方式" value={mode} onChange={(e) => setMode(e.target.value as 'files' | 'sheets')}>
              <option value="sheets">一个工作簿，每单位一个工作表</option>
              <option value="files">每单位一个文件（选择文件夹）</option>
            </select>
            <button
              type="button"
              disabled={picked.length === 0}
              onClick={() =>
                run('导出分发表', () =>
                  invoke('export:dispatch', {
                    unitIds: picked,
                    mode,
                    columns,
                    documentId,
                    title,
                    attachmentLabel,
                    shortNames,
                  }),
                )
              }
            >
              导出分发表…
            </button>
          </div>
          <div className="row">
            <select
              aria-label="调度轮次"
              value={roundId ?? ''}
              onChange={(e) => setRoundId(e.target.value ? Number(e.target.value) : null)}
            >
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={picked.length === 0 || roundId === null}
              onClick={() =>
                roundId !== null && run('导出填报模板', () => invoke('export:template', { unitIds: picked, roundId }))
              }
            >
              导出填报模板…
            </button>
          </div>
        </div>
        <BulletinCard
          groups={groups}
          groupId={groupId}
          onGroup={setGroupId}
          roundId={roundId}
          roundName={rounds.find((r) => r.id === roundId)?.name ?? ''}
          run={run}
          fail={fail}
        />
      </div>
    </section>
  );
}
