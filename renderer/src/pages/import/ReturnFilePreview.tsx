// One township return under review: the rows to be written, those that need the clerk, and what is not a report.
import { useState } from 'react';
import type { ExistingReportView, ReturnRowView } from '@shared/channels/returns';
import type { ProgressRound, Unit } from '@shared/domain';
import { ReturnLayoutEditor, type LayoutChange } from './ReturnLayoutEditor';
import {
  choose,
  CONFLICT_LABELS,
  lockedEditsText,
  needsChoice,
  OUTCOME_LABELS,
  rowKey,
  rowsToWrite,
  toggleRow,
  type Review,
} from './returnReview';

const METHOD_LABELS: Record<ReturnRowView['method'], string> = {
  template: '模板编号',
  text: '文字匹配',
  'text-all': '文字匹配（非本单位任务）',
  clerk: '人工选择',
};

const short = (s: string, n = 36) => (s.length > n ? `${s.slice(0, n)}…` : s);
/** In the clerk's own time zone: the ledger keeps UTC. */
function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 16).replace('T', ' ');
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function Existing({ before }: { before: ExistingReportView }) {
  const parts = [before.progress, before.percent === null ? '' : `${before.percent}%`, before.status ?? ''].filter(
    Boolean,
  );
  return (
    <div className="existing-report">
      本轮已有（{before.sourceLabel}，{when(before.updatedAt)}）：{parts.join('，') || '（空）'}
    </div>
  );
}

interface Props {
  review: Review;
  units: Unit[];
  rounds: ProgressRound[];
  roundName: string;
  onChange: (review: Review) => void;
  onChangeUnit: (unitId: number) => void;
  onCorrectLayout: (sheet: string, change: LayoutChange) => void;
  onSwitchRound: (roundId: number) => void;
  onRemove: () => void;
}

/** One township file under review: what will be written, what needs the clerk, and what is not a report. */
export function ReturnFilePreview({
  review: r,
  units,
  rounds,
  roundName,
  onChange,
  onChangeUnit,
  onCorrectLayout,
  onSwitchRound,
  onRemove,
}: Props) {
  const { view } = r;
  const [copied, setCopied] = useState(false);
  const shown = view.rows.filter(needsChoice);
  const passed = view.rows.filter((row) => !needsChoice(row));
  const edits = lockedEditsText(view);
  const suggested =
    view.roundCheck.suggestedRoundId === null
      ? null
      : (rounds.find((x) => x.id === view.roundCheck.suggestedRoundId) ?? null);
  const count = (o: ReturnRowView['outcome']) => view.rows.filter((row) => row.outcome === o).length;
  const writing = rowsToWrite(r).length;
  const onceConfirmed = rowsToWrite({ ...r, roundConfirmed: true }).length;
  const passedSummary = (['unchanged', 'empty', 'kept-existing'] as const)
    .map((o) => [o, count(o)] as const)
    .filter(([, n]) => n > 0)
    .map(([o, n]) => `${OUTCOME_LABELS[o]} ${n} 行`)
    .join('、');

  return (
    <section className="return-file" aria-label={`预览 ${view.file}`}>
      <header>
        <strong>{view.file}</strong>
        {!view.error && (
          <label>
            填报单位
            <select
              aria-label={`${view.file}的填报单位`}
              value={view.unitId ?? ''}
              onChange={(e) => onChangeUnit(Number(e.target.value))}
            >
              <option value="">（请选择）</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {!view.error && (
          <span className="muted small" aria-label={`${view.file}的导入摘要`}>
            {!view.roundCheck.ok && !r.roundConfirmed ? `确认轮次后将导入 ${onceConfirmed} 条` : `将导入 ${writing} 条`}
            ；需要您选择 {count('conflict')} 条；未匹配 {view.unmatched.length} 条
            {passedSummary ? `；不导入：${passedSummary}` : ''}
          </span>
        )}
        <button type="button" className="link" onClick={onRemove}>
          移出
        </button>
      </header>
      {view.error && <div className="error-banner">{view.error.message}（此文件不会导入，其他文件不受影响）</div>}
      {view.alreadyImported[0] && (
        <div className="warn-line">
          此文件已于 {view.alreadyImported[0].createdAt.slice(0, 10)}{' '}
          导入过；与已导入内容相同的行不会重复写入，不同的行需要您选择。
        </div>
      )}
      {view.warnings.map((w) => (
        <div key={w} className="warn-line" role="note">
          {w}
        </div>
      ))}
      {!view.error && !view.blank && !view.roundCheck.ok && (
        <div className="round-check">
          <label>
            <input
              type="checkbox"
              aria-label={`确认将${view.file}导入到所选轮次`}
              checked={r.roundConfirmed}
              onChange={(e) => onChange({ ...r, roundConfirmed: e.target.checked })}
            />
            我已核对，仍导入到“{roundName}”
          </label>
          {suggested && !suggested.closed && (
            <button type="button" onClick={() => onSwitchRound(suggested.id)}>
              改选轮次“{suggested.name}”
            </button>
          )}
        </div>
      )}
      {view.notes.map((n) => (
        <div key={n} className="muted small">
          {n}
        </div>
      ))}
      {view.sheets.map((layout) => (
        <ReturnLayoutEditor
          key={layout.name}
          layout={layout}
          onCorrect={(change) => onCorrectLayout(layout.name, change)}
        />
      ))}
      {shown.length > 0 && (
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
            {shown.map((row) => {
              const key = rowKey(row);
              const idText = row.conflict?.kind === 'id-text';
              const on = idText ? r.chosen.has(key) : r.included.has(key);
              return (
                <tr key={key} className={row.outcome === 'conflict' ? 'conflict-row' : on ? '' : 'excluded-row'}>
                  <td>
                    {idText ? (
                      <span className="muted">—</span>
                    ) : (
                      <input
                        type="checkbox"
                        aria-label={`导入第 ${row.row} 行`}
                        checked={on}
                        onChange={(e) => onChange(toggleRow(r, row, e.target.checked))}
                      />
                    )}
                  </td>
                  <td className="nowrap">
                    {view.rows.some((x) => x.sheet !== row.sheet) ? `${row.sheet} ` : ''}
                    {row.row}
                  </td>
                  <td title={row.taskContent}>
                    {idText ? (
                      <select
                        className="choice-select"
                        aria-label={`第 ${row.row} 行对应的任务`}
                        value={r.chosen.get(key) ?? ''}
                        onChange={(e) => onChange(choose(r, key, e.target.value ? Number(e.target.value) : null))}
                      >
                        <option value="">不导入</option>
                        {row.conflict!.candidates.map((c) => (
                          <option key={c.by} value={c.taskId}>
                            {c.by === 'id' ? '按任务ID' : '按工作内容'}：{short(c.content, 30)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      short(row.taskContent)
                    )}
                    <div className="muted small">
                      {row.outcome === 'conflict' ? (
                        <span className="conflict-label">{CONFLICT_LABELS[row.conflict!.kind]}</span>
                      ) : (
                        `${METHOD_LABELS[row.method]} ${Math.round(row.score * 100)}%`
                      )}
                    </div>
                  </td>
                  <td>
                    {row.before && <Existing before={row.before} />}
                    {row.progress}
                  </td>
                  <td className="nowrap">{row.percent === null ? '' : `${row.percent}%`}</td>
                  <td className="nowrap">{row.status ?? ''}</td>
                  <td className="warn-cell">
                    {row.warnings.filter((w) => !(idText && w.startsWith('隐藏的任务ID'))).join(' ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {passed.length > 0 && (
        <details className="passed-rows">
          <summary>不导入的行：{passedSummary}（点此查看）</summary>
          <ul>
            {passed.map((row) => (
              <li key={rowKey(row)}>
                第 {row.row} 行 {short(row.taskContent, 40)} — {OUTCOME_LABELS[row.outcome]}
                {row.outcome === 'kept-existing' && row.before ? `（${row.before.sourceLabel}）` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {edits && (
        <details className="locked-edits" open>
          <summary>
            乡镇改写了 {edits.split('\n').length} 处锁定内容（工作内容、牵头单位或完成时限），不会写入任务清单
          </summary>
          <textarea
            readOnly
            aria-label={`${view.file}中乡镇改写的内容`}
            value={edits}
            rows={Math.min(6, edits.split('\n').length + 1)}
          />
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(edits).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? '已复制' : '复制，以便记入备注'}
          </button>
        </details>
      )}
      {view.unmatched.length > 0 && (
        <div className="unmatched">
          <h4>未能自动匹配的行（不会丢弃：请选择对应任务，或保持“不导入”）</h4>
          {view.unmatched.map((u) => (
            <div key={rowKey(u)} className="unmatched-row">
              <span className="muted">第 {u.row} 行</span> {u.text}
              <select
                aria-label={`第 ${u.row} 行对应的任务`}
                value={r.chosen.get(rowKey(u)) ?? ''}
                onChange={(e) => onChange(choose(r, rowKey(u), e.target.value ? Number(e.target.value) : null))}
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
    </section>
  );
}
