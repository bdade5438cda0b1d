// A policy document already in the ledger: update it, save it as new or cancel, and its items compared.
import type { DocumentChanges, DocumentDraft } from '@shared/channels/documents';
import { DOCUMENT_MATCH_LABELS } from '@shared/documentIdentity';

const LEVEL_NAMES = { section: '部分', task: '重点任务', item: '工作内容' } as const;

/** 该文件已在台账中: what the ledger holds, and the clerk's choice of 更新已有文件, 另存为新文件 or 取消. */
export function DuplicatePrompt(props: {
  same: NonNullable<DocumentDraft['duplicateOf']>;
  busy: boolean;
  onUpdate: () => void;
  onSaveAsNew: () => void;
  onCancel: () => void;
}) {
  const { same } = props;
  return (
    <div className="duplicate-prompt" role="region" aria-label="文件已在台账中">
      <div>
        <strong>
          该文件已在台账中：《{same.title}》（导入于 {localDate(same.createdAt)}）
        </strong>
        <div className="muted small">
          {[
            same.docNumber && `文号 ${same.docNumber}`,
            `识别依据：${same.matchedBy.map((m) => DOCUMENT_MATCH_LABELS[m]).join('、')}`,
            `台账中有 ${same.items} 项工作内容、${same.reports} 条推进情况`,
          ]
            .filter(Boolean)
            .join('；')}
          。更新会保留已有的推进情况；另存为新文件会再添加一套任务。
        </div>
      </div>
      <div className="duplicate-actions">
        <button type="button" className="primary" disabled={props.busy} onClick={props.onUpdate}>
          更新已有文件
        </button>
        <button type="button" onClick={props.onSaveAsNew}>
          另存为新文件
        </button>
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}

/** New, changed and removed items compared with the ledger's copy; removed ones go to the 回收站 only when ticked. */
export function DocumentDiff(props: {
  diff: DocumentChanges;
  stale: boolean;
  remove: Set<number>;
  onToggleRemove: (taskId: number, on: boolean) => void;
  onCompare: () => void;
  onBack: () => void;
}) {
  const { diff } = props;
  const none = diff.added.length + diff.changed.length + diff.removed.length === 0;
  return (
    <section className="document-diff" aria-label="与台账中的文件比较">
      <div className="document-diff-head">
        <strong>
          与台账中的文件相比：新增 {diff.added.length} 项 · 修改 {diff.changed.length} 项 · 删除 {diff.removed.length}{' '}
          项 · 未变 {diff.unchanged} 项
        </strong>
        <span>
          <button type="button" className="link" onClick={props.onCompare}>
            重新比较
          </button>
          <button type="button" className="link" onClick={props.onBack}>
            返回
          </button>
        </span>
      </div>
      {props.stale && <div className="warnings small">预览在比较之后又有修改，请点“重新比较”再更新。</div>}
      <div className="muted small">
        {none ? '与台账中的内容相同，更新只会记下这次导入的文件。' : '修改的任务在原任务上更新，已有的推进情况保留。'}
        领导小组保持台账中的原样。
      </div>
      <div className="document-diff-lists">
        {diff.changed.length > 0 && (
          <div>
            <h4>修改（原任务上更新，推进情况保留）</h4>
            <ul aria-label="修改的任务">
              {diff.changed.map((c) => (
                <li key={c.taskId}>
                  <span className="level-tag">{LEVEL_NAMES[c.level]}</span>
                  {c.label}
                  {c.changes.map((ch) => (
                    <div key={ch.field} className="small change">
                      {ch.field}：<del>{ch.before || '（空）'}</del> → <ins>{ch.after || '（空）'}</ins>
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </div>
        )}
        {diff.added.length > 0 && (
          <div>
            <h4>新增</h4>
            <ul aria-label="新增的任务">
              {diff.added.map((a) => (
                <li key={a.key}>
                  <span className="level-tag">{LEVEL_NAMES[a.level]}</span>
                  {a.label}
                </li>
              ))}
            </ul>
          </div>
        )}
        {diff.removed.length > 0 && (
          <div>
            <h4>新文件中已没有（勾选的移入回收站，不勾选的保留）</h4>
            <ul aria-label="删除的任务">
              {diff.removed.map((r) => (
                <li key={r.taskId}>
                  <label>
                    <input
                      type="checkbox"
                      checked={props.remove.has(r.taskId)}
                      onChange={(e) => props.onToggleRemove(r.taskId, e.target.checked)}
                    />
                    <span className="level-tag">{LEVEL_NAMES[r.level]}</span>
                    {r.label}
                    <span className="muted small">
                      （{r.items} 项工作内容{r.reports > 0 ? `，${r.reports} 条推进情况随之移入回收站` : ''}）
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

/** The day in the clerk's time zone (created_at is stored in UTC). */
function localDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso.slice(0, 10)
    : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
