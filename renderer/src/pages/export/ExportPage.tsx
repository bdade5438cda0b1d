import { useEffect, useState } from 'react';
import { TASK_LIST_COLUMN_NAMES, type ExportOutcome } from '../../../../shared/channels/exports';
import { TASK_STATUSES, type LeadershipGroup, type ProgressRound, type Unit } from '../../../../shared/domain';
import { errorMessage, invoke } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';

type Column = (typeof TASK_LIST_COLUMN_NAMES)[number];
const DEFAULT_COLUMNS: Column[] = ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'];

export function ExportPage() {
  const [units, setUnits] = useState<Unit[]>([]);
  const [rounds, setRounds] = useState<ProgressRound[]>([]);
  const [groups, setGroups] = useState<LeadershipGroup[]>([]);
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
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    invoke('ledger:snapshot', {}).then((snap) => {
      setUnits(snap.units);
      setRounds(snap.rounds);
      setGroups(snap.groups);
      setGroupId(snap.groups[0]?.id ?? null);
      setRoundId(snap.rounds.at(-1)?.id ?? null);
      const doc = snap.documents[0];
      if (doc) setTitle(`${doc.title.replace(/（.*?）$/, '').replace(/实施方案$/, '')}重点任务清单`);
    }, (err) => setError(errorMessage(err)));
  }, []);

  const run = async (label: string, action: () => Promise<ExportOutcome>) => {
    setBusy(`正在${label}……`);
    setError('');
    setDone(null);
    try {
      const outcome = await action();
      if (outcome.files.length) setDone(outcome);
      if (outcome.failed?.length) setError(`有 ${outcome.failed.length} 个文件没有保存：${outcome.failed.join(' ')}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy('');
    }
  };
  const open = (file: string, folder: boolean) => invoke('export:open', { file, folder }).catch((err) => setError(errorMessage(err)));
  const toggleColumn = (c: Column) => setColumns((list) => (list.includes(c) ? list.filter((x) => x !== c) : TASK_LIST_COLUMN_NAMES.filter((x) => list.includes(x) || x === c)));
  const togglePicked = (id: number) => setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));

  return (
    <section className="page export-page">
      <h1>导出</h1>
      <ErrorBanner message={error} onClose={() => setError('')} />
      {busy && <div role="status">{busy}</div>}
      {done && (
        <div className="notice" role="status">
          已导出 {done.files.length} 个文件：{done.files.map((f) => f.split(/[\\/]/).pop()).join('、')}
          <button type="button" className="link" onClick={() => open(done.files[0], false)}>
            打开文件
          </button>
          <button type="button" className="link" onClick={() => open(done.files[0], true)}>
            打开所在文件夹
          </button>
        </div>
      )}
      <div className="export-cards">
        <div className="export-card">
          <h2>重点任务清单（会议用，A4 横向）</h2>
          <label>
            标题
            <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label="表格标题" />
          </label>
          <div className="row">
            <label>
              附件编号
              <input value={attachmentLabel} placeholder="如：附件2" onChange={(e) => setAttachmentLabel(e.target.value)} aria-label="附件编号" />
            </label>
            <label>
              制表单位/日期行
              <input value={madeBy} placeholder="如：制表单位：县卫生健康局" onChange={(e) => setMadeBy(e.target.value)} aria-label="制表单位" />
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
            <select aria-label="导出单位" value={unitId ?? ''} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : null)}>
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
              onClick={() => run('导出重点任务清单', () => invoke('export:tasks', { title, attachmentLabel, madeBy, columns, filter: { unitId, status } }))}
            >
              导出任务清单…
            </button>
          </div>
        </div>
        <div className="export-card">
          <h2>按单位分发 / 填报模板</h2>
          <p className="muted">勾选单位：分发表含该单位牵头、配合及“各乡镇街道”等集合承担的任务；填报模板供各单位填写本轮推进情况，导入时按隐藏的任务编号对应。</p>
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
            <button type="button" disabled={picked.length === 0} onClick={() => run('导出分发表', () => invoke('export:dispatch', { unitIds: picked, mode, columns }))}>
              导出分发表…
            </button>
          </div>
          <div className="row">
            <select aria-label="调度轮次" value={roundId ?? ''} onChange={(e) => setRoundId(e.target.value ? Number(e.target.value) : null)}>
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={picked.length === 0 || roundId === null}
              onClick={() => roundId !== null && run('导出填报模板', () => invoke('export:template', { unitIds: picked, roundId }))}
            >
              导出填报模板…
            </button>
          </div>
        </div>
        <div className="export-card">
          <h2>领导小组名单 / 调度通报</h2>
          <div className="row">
            <select aria-label="领导小组" value={groupId ?? ''} onChange={(e) => setGroupId(e.target.value ? Number(e.target.value) : null)}>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            <button type="button" disabled={groupId === null} onClick={() => groupId !== null && run('导出领导小组名单', () => invoke('export:roster', { groupId }))}>
              导出名单…
            </button>
          </div>
          <div className="row">
            <span className="muted">调度通报（含催办清单）按上方所选调度轮次</span>
            <button type="button" disabled={roundId === null} onClick={() => roundId !== null && run('导出调度通报', () => invoke('export:bulletin', { roundId }))}>
              导出通报…
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
