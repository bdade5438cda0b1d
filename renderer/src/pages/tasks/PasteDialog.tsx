// 从 Excel/WPS 粘贴: a copied block previewed as new rows or as an overwrite from the focused cell, then written.
import { useMemo, useState } from 'react';
import type { TaskNode, Unit } from '@shared/domain';
import { errorMessage, invoke } from '../../api';
import { PASTE_FIELD_LABELS, type PasteField } from './pasteHeader';
import {
  groupProblems,
  parseClipboardBlock,
  pasteModeFor,
  planNewRows,
  planOverwrite,
  type OverwriteColumn,
  type OverwriteTarget,
  type PastePlanProblem,
} from './pastePlan';

/** Where an overwrite starts: the focused cell, and what is shown below and right of it. */
export interface OverwriteContext {
  startLabel: string;
  columns: OverwriteColumn[];
  targets: OverwriteTarget[];
}

const COLUMN_LABELS: Record<OverwriteColumn, string> = {
  number: '序号',
  content: '工作内容',
  lead: '牵头单位',
  co: '配合单位',
  deadline: '完成时限',
  status: '状态',
  notes: '备注',
};

/** Unknown units named in a group's title; the rest are in the rows below it. */
const MAX_NAMES = 5;

/** Warnings by kind, each kind folded to its count so the preview and its buttons stay in view. */
function PasteProblems({ problems }: { problems: PastePlanProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="paste-problems" role="alert" aria-label="粘贴提示">
      {groupProblems(problems).map((g, i) => (
        <details key={g.kind} open={i === 0 && g.problems.length <= 5}>
          <summary>
            {g.label}：{g.problems.length} 行
            {g.names.length > 0 &&
              `（${g.names.slice(0, MAX_NAMES).join('、')}${g.names.length > MAX_NAMES ? ` 等 ${g.names.length} 个` : ''}）`}
          </summary>
          <ul>
            {g.problems.map((p, j) => (
              <li key={j}>{p.message}</li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

/** A cell taken from the row above (a merged cell in Excel) is marked, so the clerk sees what was assumed. */
function Filled(props: { text: string; filled: boolean }) {
  return props.filled ? (
    <span className="filled-down" title="空白单元格按合并单元格沿用上一行">
      {props.text} ↓
    </span>
  ) : (
    <>{props.text}</>
  );
}

export function PasteDialog(props: {
  initialText: string;
  units: Unit[];
  currentTask: TaskNode | null;
  section: TaskNode | null;
  sectionTasks: TaskNode[];
  overwrite: OverwriteContext | null;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const [text, setText] = useState(props.initialText);
  const [error, setError] = useState('');
  const [choice, setChoice] = useState<'new' | 'overwrite'>('overwrite');
  const cells = useMemo(() => parseClipboardBlock(text), [text]);
  const allowed = useMemo(() => pasteModeFor(cells, props.overwrite), [cells, props.overwrite]);
  // Chosen again whenever the text changes: a block that gains a header can no longer overwrite.
  const mode = allowed.overwrite && choice === 'overwrite' ? 'overwrite' : 'new';
  const overwritePlan = useMemo(
    () =>
      props.overwrite && allowed.overwrite
        ? planOverwrite(cells, props.overwrite.targets, props.overwrite.columns, props.units)
        : null,
    [cells, props.overwrite, props.units, allowed.overwrite],
  );
  const plan = useMemo(
    () => planNewRows(cells, { units: props.units, currentTask: props.currentTask, sectionTasks: props.sectionTasks }),
    [cells, props.units, props.currentTask, props.sectionTasks],
  );
  const unitName = (id: number) => props.units.find((u) => u.id === id)?.name ?? '';
  const filledCount = plan.creates.reduce((n, c) => n + c.filledDown.length, 0);
  const fieldLabel = (f: PasteField | undefined) => (f ? PASTE_FIELD_LABELS[f] : '（不用）');
  const taskTitle = (t: (typeof plan.creates)[number]['task']) =>
    'id' in t
      ? `${props.sectionTasks.find((x) => x.id === t.id)?.title ?? props.currentTask?.title ?? ''}`
      : `（新建）${t.number}${t.title}`;

  const applyOverwrite = async () => {
    if (!overwritePlan) return;
    try {
      await invoke('tasks:overwrite', { updates: overwritePlan.updates });
      props.onDone(`已覆盖 ${overwritePlan.changes.length} 个单元格。`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const apply = async () => {
    try {
      const result = await invoke('tasks:paste', {
        sectionId: props.section?.id ?? null,
        creates: plan.creates.map((c) => ({ task: c.task, fields: c.fields as never })),
      });
      props.onDone(
        `已粘贴 ${result.created} 项工作内容${result.tasksCreated ? `，新建 ${result.tasksCreated} 个重点任务` : ''}。`,
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <div className="modal wide paste-dialog" role="dialog" aria-modal="true" aria-label="粘贴">
        <h2>从 Excel/WPS 粘贴</h2>
        <div className="mode-switch" role="radiogroup" aria-label="粘贴方式">
          <label>
            <input type="radio" name="paste-mode" checked={mode === 'new'} onChange={() => setChoice('new')} />
            新增为工作内容
          </label>
          {props.overwrite && (
            <label title={allowed.reason}>
              <input
                type="radio"
                name="paste-mode"
                disabled={!allowed.overwrite}
                checked={mode === 'overwrite'}
                onChange={() => setChoice('overwrite')}
              />
              覆盖（从{props.overwrite.startLabel}开始）
            </label>
          )}
        </div>
        {props.overwrite && !allowed.overwrite && cells.length > 0 && (
          <p className="muted" data-testid="overwrite-refused">
            {allowed.reason}
          </p>
        )}
        <div className="paste-body">
          <p className="muted">
            {mode === 'overwrite' ? '从该单元格起向右、向下依次覆盖显示中的工作内容；内容相同的单元格不改动。' : null}
            {mode === 'new' && props.currentTask ? `默认加到重点任务“${props.currentTask.title}”下；` : ''}
            {mode === 'new' &&
              '前 3 行中若有表头（序号、重点任务、工作内容、牵头单位、责任单位、完成时限……）按表头对应，表头以上的标题行不粘贴；否则依次视为：工作内容、牵头单位、配合单位、完成时限、状态、备注。重点任务、牵头单位、责任单位为空表示同上（合并单元格）。'}
          </p>
          <textarea
            aria-label="粘贴内容"
            rows={3}
            value={text}
            placeholder="在此按 Ctrl+V 粘贴从 Excel/WPS 复制的单元格"
            onChange={(e) => setText(e.target.value)}
            className="paste-area"
          />
          {mode === 'overwrite' && overwritePlan ? (
            <>
              <PasteProblems problems={overwritePlan.problems} />
              <div className="paste-preview">
                <table className="list compact" aria-label="覆盖预览">
                  <thead>
                    <tr>
                      <th>行</th>
                      <th>列</th>
                      <th>原内容</th>
                      <th>新内容</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overwritePlan.changes.map((c, i) => (
                      <tr key={i}>
                        <td>{c.row}</td>
                        <td>{COLUMN_LABELS[c.column]}</td>
                        <td className="before">{c.before}</td>
                        <td>{c.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <>
              <div className="muted" data-testid="paste-columns">
                识别的列：{plan.fields.map(fieldLabel).join(' | ')}
                {plan.hasHeader
                  ? `（按第 ${plan.headerRow} 行的表头${plan.headerRow > 1 ? `，以上 ${plan.headerRow - 1} 行是标题，不粘贴` : ''}）`
                  : '（按默认顺序）'}
                {filledCount > 0 && `；${filledCount} 个空白单元格按合并单元格沿用上一行（标有 ↓）`}
              </div>
              <PasteProblems problems={plan.problems} />
              <div className="paste-preview">
                <table className="list compact" aria-label="粘贴预览">
                  <thead>
                    <tr>
                      <th>行</th>
                      <th>重点任务</th>
                      <th>序号</th>
                      <th>工作内容</th>
                      <th>牵头单位</th>
                      <th>配合单位</th>
                      <th>完成时限</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.creates.map((c) => (
                      <tr key={c.row}>
                        <td>{c.row}</td>
                        <td>
                          <Filled text={taskTitle(c.task)} filled={c.filledDown.includes('task')} />
                        </td>
                        <td>{c.fields.number ?? ''}</td>
                        <td>{c.fields.content}</td>
                        <td>
                          <Filled
                            text={c.fields.leadUnitIds.map(unitName).join('、')}
                            filled={c.filledDown.includes('lead') || c.filledDown.includes('units')}
                          />
                        </td>
                        <td>
                          <Filled
                            text={c.fields.coUnitIds.map(unitName).join('、')}
                            filled={c.filledDown.includes('units')}
                          />
                        </td>
                        <td>{c.fields.deadlineText ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
        {error && (
          <div className="error-banner" role="alert">
            {error}
          </div>
        )}
        <div className="modal-actions paste-actions">
          <button type="button" onClick={props.onCancel}>
            取消
          </button>
          {mode === 'overwrite' && overwritePlan ? (
            <button
              type="button"
              className="primary"
              disabled={overwritePlan.changes.length === 0}
              onClick={applyOverwrite}
            >
              覆盖 {overwritePlan.changes.length} 格
            </button>
          ) : (
            <button type="button" className="primary" disabled={plan.creates.length === 0} onClick={apply}>
              新增 {plan.creates.length} 项
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
