import { useEffect, useState, type DragEvent } from 'react';
import { RETURN_FIELD_LABELS, RETURN_FIELDS, type ReturnFieldName, type ReturnFileView, type ReturnRowView } from '../../../../shared/channels/returns';
import type { ProgressRound, Unit } from '../../../../shared/domain';
import { errorMessage, invoke } from '../../api';
import { fileToBase64 } from './readDroppedFile';

/** A file under review: its analysis plus the clerk's decisions (rows left out, matches chosen by hand). */
interface Review {
  view: ReturnFileView;
  data?: { fileName: string; dataBase64: string };
  excluded: Set<string>;
  chosen: Map<string, number>;
  /** The clerk's header-row and column corrections, per sheet. */
  overrides: Record<string, { headerRow?: number; columns?: Partial<Record<ReturnFieldName, number>> }>;
}

const key = (r: { sheet: string; row: number }) => `${r.sheet}:${r.row}`;
const METHOD_LABELS: Record<ReturnRowView['method'], string> = { template: '模板编号', text: '文字匹配', 'text-all': '文字匹配（非本单位任务）', clerk: '人工选择' };

function initialReview(view: ReturnFileView, data?: Review['data'], overrides: Review['overrides'] = {}): Review {
  // Rows of a conflict wait for the clerk to pick one; everything else is in by default.
  const conflicted = new Set(view.conflicts.flatMap((c) => c.rows.map(key)));
  return { view, data: data ?? view.source, excluded: conflicted, chosen: new Map(), overrides };
}

export function ReturnsImport({ onDone }: { onDone: (notice: string, error: string) => void }) {
  const [rounds, setRounds] = useState<ProgressRound[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [roundId, setRoundId] = useState<number | null>(null);
  const [reviews, setReviews] = useState<Review[]>([]);
  const [progress, setProgress] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    invoke('ledger:snapshot', {}).then((snap) => {
      setRounds(snap.rounds);
      setUnits(snap.units);
      setRoundId([...snap.rounds].reverse().find((r) => !r.closed)?.id ?? null);
    }, (err) => setError(errorMessage(err)));
  }, []);

  const analyse = async (files: File[]) => {
    if (roundId === null) return setError('请先选择调度轮次（或在“调度轮次”中新建一轮）。');
    setError('');
    const added: Review[] = [];
    for (const [i, file] of files.entries()) {
      setProgress(`正在读取 ${i + 1}/${files.length}：${file.name}`);
      try {
        const data = { fileName: file.name, dataBase64: await fileToBase64(file) };
        const [view] = await invoke('returns:analyse', { roundId, files: [data] });
        added.push(initialReview(view, data));
      } catch (err) {
        setError(errorMessage(err));
      }
    }
    setProgress('');
    setReviews((list) => [...list, ...added]);
  };
  const pick = async () => {
    if (roundId === null) return setError('请先选择调度轮次（或在“调度轮次”中新建一轮）。');
    setProgress('正在读取所选文件……');
    try {
      const views = await invoke('returns:pick', { roundId });
      setReviews((list) => [...list, ...views.map((v) => initialReview(v))]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setProgress('');
    }
  };
  const changeUnit = async (index: number, unitId: number) => {
    const r = reviews[index];
    if (!r.data || roundId === null) {
      setReviews((list) => list.map((x, i) => (i === index ? { ...x, view: { ...x.view, unitId, unit: units.find((u) => u.id === unitId)?.name ?? null } } : x)));
      return;
    }
    const [view] = await invoke('returns:analyse', { roundId, files: [r.data], unitId });
    setReviews((list) => list.map((x, i) => (i === index ? initialReview(view, r.data) : x)));
  };
  /** Re-reads a file with the clerk's header row / column choices for one sheet. */
  const correctLayout = async (index: number, sheet: string, change: { headerRow?: number; field?: ReturnFieldName | ''; column?: number }) => {
    const r = reviews[index];
    if (!r.data || roundId === null) return;
    const current = r.overrides[sheet] ?? {};
    const layout = r.view.sheets.find((s) => s.name === sheet);
    let columns = { ...(current.columns ?? {}) } as Partial<Record<ReturnFieldName, number>>;
    if (change.column !== undefined) {
      // One field per column: the column's old field is dropped, the chosen one moves here.
      const base = { ...(layout?.columns ?? {}), ...columns } as Partial<Record<ReturnFieldName, number>>;
      columns = Object.fromEntries(Object.entries(base).filter(([, c]) => c !== change.column)) as typeof columns;
      if (change.field) columns[change.field] = change.column;
    }
    const next = { ...r.overrides, [sheet]: { ...current, ...(change.headerRow !== undefined ? { headerRow: change.headerRow } : {}), ...(change.column !== undefined ? { columns } : {}) } };
    try {
      const [view] = await invoke('returns:analyse', { roundId, files: [r.data], unitId: r.view.unitId ?? undefined, overrides: next });
      setReviews((list) => list.map((x, i) => (i === index ? initialReview(view, r.data, next) : x)));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const update = (index: number, change: (r: Review) => Review) => setReviews((list) => list.map((x, i) => (i === index ? change(x) : x)));

  const rowsToWrite = (r: Review) => [
    ...r.view.rows.filter((row) => !r.excluded.has(key(row))),
    ...r.view.unmatched
      .filter((u) => r.chosen.has(key(u)))
      .map((u) => ({ ...u.reported, taskId: r.chosen.get(key(u))!, sheet: u.sheet, row: u.row })),
  ];
  const ready = reviews.filter((r) => !r.view.error && r.view.unitId !== null);
  const total = ready.reduce((n, r) => n + rowsToWrite(r).length, 0);

  const commit = async () => {
    if (roundId === null) return;
    try {
      const result = await invoke('returns:commit', {
        roundId,
        files: ready.map((r) => ({
          fileName: r.view.file,
          sha256: r.view.sha256,
          size: r.view.size,
          unitId: r.view.unitId!,
          rows: rowsToWrite(r).map(({ taskId, status, percent, progress, problems, nextSteps }) => ({ taskId, status, percent, progress, problems, nextSteps })),
        })),
        // Corrected layouts are remembered for the township's next return with the same header.
        mappings: ready.flatMap((r) =>
          r.view.sheets.filter((s) => s.source === 'clerk').map((s) => ({ unitId: r.view.unitId!, signature: s.signature, columns: s.columns })),
        ),
      });
      setReviews([]);
      onDone(`已导入 ${result.rows} 条推进情况（${result.batchIds.length} 个文件）。可在“导入记录”中按文件撤销。`, '');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void analyse([...e.dataTransfer.files]);
  };

  return (
    <div className="returns-import">
      <div className="toolbar">
        <label className="muted">
          调度轮次
          <select aria-label="导入到调度轮次" value={roundId ?? ''} onChange={(e) => setRoundId(e.target.value ? Number(e.target.value) : null)}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id} disabled={r.closed}>
                {r.name}
                {r.closed ? '（已关闭）' : ''}
              </option>
            ))}
          </select>
        </label>
        {reviews.length > 0 && (
          <>
            <button type="button" onClick={() => setReviews([])}>
              清空
            </button>
            <button type="button" className="primary" disabled={total === 0} onClick={commit}>
              导入 {total} 条
            </button>
          </>
        )}
      </div>
      {error && (
        <div className="error-banner" role="alert">
          {error}
        </div>
      )}
      <div className="drop-zone small-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} aria-label="拖入推进情况表">
        <span>把各单位报回的推进情况表（.xlsx、.xls、.csv，可一次多个）拖到这里，或 </span>
        <button type="button" onClick={pick}>
          选择文件…
        </button>
        {progress && (
          <div role="progressbar" aria-label="读取进度" className="muted">
            {progress}
          </div>
        )}
      </div>
      {reviews.map((r, index) => (
        <section key={`${r.view.file}-${index}`} className="return-file" aria-label={`预览 ${r.view.file}`}>
          <header>
            <strong>{r.view.file}</strong>
            {!r.view.error && (
              <label>
                填报单位
                <select aria-label={`${r.view.file}的填报单位`} value={r.view.unitId ?? ''} onChange={(e) => void changeUnit(index, Number(e.target.value))}>
                  <option value="">（请选择）</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" className="link" onClick={() => setReviews((list) => list.filter((_, i) => i !== index))}>
              移出
            </button>
          </header>
          {r.view.error && <div className="error-banner">{r.view.error.message}（此文件不会导入，其他文件不受影响）</div>}
          {r.view.alreadyImported.length > 0 && <div className="warn-line">此文件已于 {r.view.alreadyImported[0].createdAt.slice(0, 10)} 导入过，再次导入会覆盖同一轮次的数据。</div>}
          {r.view.notes.map((n) => (
            <div key={n} className="muted small">
              {n}
            </div>
          ))}
          {r.view.sheets.map((layout) => (
            <details key={layout.name} className="layout-editor">
              <summary>
                {layout.name}：第 {layout.headerRow} 行为表头
                {layout.source === 'remembered' ? '（沿用上次为该单位校正的列对应）' : layout.source === 'clerk' ? '（已按您的校正读取）' : ''}，点此校正列对应
              </summary>
              <label>
                表头所在行
                <input
                  type="number"
                  min={1}
                  max={50}
                  defaultValue={layout.headerRow}
                  aria-label={`${layout.name}表头所在行`}
                  onBlur={(e) => Number(e.target.value) !== layout.headerRow && void correctLayout(index, layout.name, { headerRow: Number(e.target.value) })}
                />
              </label>
              <div className="layout-columns">
                {layout.headers.map((h, c) => {
                  const field = (Object.entries(layout.columns).find(([, col]) => col === c)?.[0] ?? '') as ReturnFieldName | '';
                  return (
                    <label key={c}>
                      <span className="muted small">{h || `第 ${c + 1} 列`}</span>
                      <select aria-label={`列“${h || c + 1}”对应`} value={field} onChange={(e) => void correctLayout(index, layout.name, { column: c, field: e.target.value as ReturnFieldName | '' })}>
                        <option value="">不导入</option>
                        {RETURN_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {RETURN_FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                    </label>
                  );
                })}
              </div>
            </details>
          ))}
          {r.view.rows.length > 0 && (
            <table className="list compact">
              <thead>
                <tr>
                  <th>导入</th>
                  <th>行</th>
                  <th>匹配的工作内容</th>
                  <th>完成情况</th>
                  <th>进度</th>
                  <th>状态</th>
                  <th>提示</th>
                </tr>
              </thead>
              <tbody>
                {r.view.rows.map((row) => (
                  <tr key={key(row)} className={r.excluded.has(key(row)) ? 'excluded-row' : ''}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`导入第 ${row.row} 行`}
                        checked={!r.excluded.has(key(row))}
                        onChange={(e) =>
                          update(index, (x) => {
                            const excluded = new Set(x.excluded);
                            if (e.target.checked) excluded.delete(key(row));
                            else excluded.add(key(row));
                            return { ...x, excluded };
                          })
                        }
                      />
                    </td>
                    <td className="nowrap">
                      {r.view.rows.some((x) => x.sheet !== row.sheet) ? `${row.sheet} ` : ''}
                      {row.row}
                    </td>
                    <td title={row.taskContent}>
                      {row.taskContent.slice(0, 36)}
                      {row.taskContent.length > 36 ? '…' : ''}
                      <div className="muted small">
                        {METHOD_LABELS[row.method]} {Math.round(row.score * 100)}%
                      </div>
                    </td>
                    <td>
                      {row.before?.progress && row.before.progress !== row.progress && <div className="before">{row.before.progress}</div>}
                      {row.progress}
                    </td>
                    <td className="nowrap">
                      {row.before?.percent != null && row.before.percent !== row.percent && <span className="before">{row.before.percent}% </span>}
                      {row.percent === null ? '' : `${row.percent}%`}
                    </td>
                    <td className="nowrap">{row.status ?? ''}</td>
                    <td className="warn-cell">{row.warnings.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {r.view.unmatched.length > 0 && (
            <div className="unmatched">
              <h4>未能自动匹配的行（不会丢弃：请选择对应任务，或保持“不导入”）</h4>
              {r.view.unmatched.map((u) => (
                <div key={key(u)} className="unmatched-row">
                  <span className="muted">第 {u.row} 行</span> {u.text}
                  <select
                    aria-label={`第 ${u.row} 行对应的任务`}
                    value={r.chosen.get(key(u)) ?? ''}
                    onChange={(e) =>
                      update(index, (x) => {
                        const chosen = new Map(x.chosen);
                        if (e.target.value) chosen.set(key(u), Number(e.target.value));
                        else chosen.delete(key(u));
                        return { ...x, chosen };
                      })
                    }
                  >
                    <option value="">不导入（本单位自定任务）</option>
                    {u.candidates.map((c) => (
                      <option key={c.taskId} value={c.taskId}>
                        {Math.round(c.score * 100)}%：{c.content.slice(0, 40)}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          )}
          {r.view.conflicts.length > 0 && <div className="warn-line">同一任务在文件中出现多次的行已暂不导入，请勾选其中要导入的一行。</div>}
        </section>
      ))}
    </div>
  );
}
