// Reviewing a read policy document: its text beside the items read from it, edited before 保存到台账.
import { useEffect, useMemo, useRef, useState } from 'react';
import type {
  DocumentChanges,
  DocumentDraft,
  DocumentSaveOutcome,
  DocumentUpdateOutcome,
  SourceSpan,
} from '@shared/channels/documents';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@shared/domain';
import { describeFlagCounts, flagReviewItems, hasFlags } from '@shared/flagReviewItems';
import { planTaskFromDraft } from '@shared/planTaskFromDraft';
import { errorMessage, invoke } from '../../api';
import { splitAliases } from '@shared/unitNames';
import { DocumentDiff, DuplicatePrompt } from './DocumentDiff';
import { FlagConfirmDialog } from './FlagConfirmDialog';

type ReviewTask = DocumentDraft['tasks'][number];
const INDENT: Record<string, number> = { section: 0, task: 1, item: 2 };

/**
 * The document on one side, what was read from it on the other. Clicking an item shows its source
 * words; the clerk edits, merges and excludes, and only 保存到台账 writes anything.
 */
export function DocumentReview({
  review,
  onSaved,
  onUpdated,
  onCancel,
}: {
  review: DocumentDraft;
  onSaved: (o: DocumentSaveOutcome) => void;
  onUpdated: (o: DocumentUpdateOutcome) => void;
  onCancel: () => void;
}) {
  const [doc, setDoc] = useState(review.document);
  const [tasks, setTasks] = useState<ReviewTask[]>(review.tasks);
  const [units, setUnits] = useState(review.proposedUnits.map((u) => ({ ...u, add: true })));
  const [groups, setGroups] = useState(review.groups.map((g) => ({ ...g, add: true })));
  const [focus, setFocus] = useState<SourceSpan | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const [asking, setAsking] = useState(false);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [flagAt, setFlagAt] = useState(-1);
  /** A document the ledger already holds: ask (更新已有文件 / 另存为新文件 / 取消), then update or save as new. */
  const [mode, setMode] = useState<'ask' | 'update' | 'new'>(review.duplicateOf ? 'ask' : 'new');
  const [diff, setDiff] = useState<{ diff: DocumentChanges; planKey: string } | null>(null);
  const [remove, setRemove] = useState<Set<number>>(new Set());
  const markRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Braces matter: newer Chromium returns a Promise from scrollIntoView, and an effect must not return one.
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [focus]);

  const update = (id: string, patch: Partial<ReviewTask>) =>
    setTasks((list) => list.map((t) => (t.id === id ? { ...t, ...patch } : t)));
  const toggle = (t: ReviewTask, included: boolean) =>
    setTasks((list) => {
      // Including an item includes its ancestors; excluding a heading excludes what is under it.
      const byId = new Map(list.map((x) => [x.id, x]));
      const affected = new Set<string>([t.id]);
      if (included) for (let p = t.parentId; p; p = byId.get(p)?.parentId ?? null) affected.add(p);
      else for (const x of list) if (x.parentId && affected.has(x.parentId)) affected.add(x.id);
      return list.map((x) => (affected.has(x.id) ? { ...x, included } : x));
    });
  /** 合并到上一项: the words and units of this item join the item above it at the same level. */
  const mergeUp = (t: ReviewTask) =>
    setTasks((list) => {
      const i = list.findIndex((x) => x.id === t.id);
      const prev = [...list.slice(0, i)].reverse().find((x) => x.parentId === t.parentId && x.level === t.level);
      if (!prev) return list;
      const merged: ReviewTask = {
        ...prev,
        content: [prev.content, t.title, t.content].filter(Boolean).join(''),
        leadUnits: [...new Set([...prev.leadUnits, ...t.leadUnits])],
        coUnits: [...new Set([...prev.coUnits, ...t.coUnits])].filter((u) => !prev.leadUnits.includes(u)),
        targets: [...prev.targets, ...t.targets],
        span: { start: Math.min(prev.span.start, t.span.start), end: Math.max(prev.span.end, t.span.end) },
      };
      return list
        .filter((x) => x.id !== t.id)
        .map((x) => (x.id === prev.id ? merged : x.parentId === t.id ? { ...x, parentId: prev.id } : x));
    });

  /** 拆分: one work item per sentence, each keeping the units and deadline of the whole. */
  const splitSentences = (t: ReviewTask) =>
    setTasks((list) => {
      const sentences = sentencesOf(t.content || t.title);
      if (sentences.length < 2) return list;
      const parts = sentences.map((sentence, n) => ({
        ...t,
        id: `${t.id}-${n + 1}`,
        number: n === 0 ? t.number : '',
        title: '',
        content: sentence,
      }));
      return list.flatMap((x) => (x.id === t.id ? parts : [x]));
    });

  const included = tasks.filter((t) => t.included);
  const counts = useMemo(() => ({ items: included.filter((t) => t.level !== 'section').length }), [included]);
  const accepted = useMemo(() => units.filter((u) => u.add).map((u) => u.name), [units]);
  const flags = useMemo(
    () => flagReviewItems(tasks, review.ledgerUnitNames, accepted),
    [tasks, review.ledgerUnitNames, accepted],
  );
  const flagSummary = describeFlagCounts(flags.counts);

  /** 下一处: the next flagged item, shown in the list and in the source text. */
  const nextFlag = () => {
    if (!flags.ids.length) return;
    const at = (flagAt + 1) % flags.ids.length;
    setFlagAt(at);
    const t = tasks.find((x) => x.id === flags.ids[at]);
    if (t) setFocus(t.span);
    listRef.current
      ?.querySelector(`[data-task-id="${CSS.escape(flags.ids[at]!)}"]`)
      ?.scrollIntoView({ block: 'center' });
  };

  const planOf = () => {
    const keep = new Set(included.map((t) => t.id));
    return {
      fileName: review.fileName,
      sha256: review.sha256,
      document: doc,
      newUnits: units.filter((u) => u.add).map((u) => ({ name: u.name, kind: u.kind })),
      tasks: included.map((t) => planTaskFromDraft(t, t.parentId && keep.has(t.parentId) ? t.parentId : null)),
      groups: groups
        .filter((g) => g.add)
        .map((g) => ({
          name: g.name,
          office: g.office,
          members: g.members.map(({ role, person, post, unit }) => ({ role, person, post, unit })),
          duties: g.duties.map(({ unit, duty }) => ({ unit, duty })),
        })),
    };
  };
  const planKey = JSON.stringify(planOf());

  const run = async (write: () => Promise<void>) => {
    setSaving(true);
    setError('');
    try {
      await write();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const compare = () =>
    run(async () => {
      const d = await invoke('documents:compare', { ...planOf(), documentId: review.duplicateOf!.documentId });
      setDiff({ diff: d, planKey });
      setRemove((r) => new Set([...r].filter((id) => d.removed.some((x) => x.taskId === id))));
      setMode('update');
    });
  /** Flagged items are saved only after the clerk chose 仍然保存 in the one question asked. */
  const write = (confirmedFlags: boolean) =>
    run(async () => {
      setAsking(false);
      if (mode === 'update') {
        onUpdated(
          await invoke('documents:update', {
            ...planOf(),
            confirmedFlags,
            documentId: review.duplicateOf!.documentId,
            removeTaskIds: [...remove],
          }),
        );
      } else {
        onSaved(await invoke('documents:save', { ...planOf(), confirmedFlags }));
      }
    });
  const save = () => (hasFlags(flags.counts) ? setAsking(true) : void write(false));
  const stale = diff !== null && diff.planKey !== planKey;

  const before = focus ? review.text.slice(0, focus.start) : review.text;
  return (
    <div className="review">
      <div className="review-head">
        <div className="doc-meta">
          <label>
            标题
            <input
              value={doc.title}
              onChange={(e) => setDoc({ ...doc, title: e.target.value })}
              aria-label="文件标题"
            />
          </label>
          <label>
            文号
            <input
              value={doc.docNumber}
              onChange={(e) => setDoc({ ...doc, docNumber: e.target.value })}
              aria-label="文号"
            />
          </label>
          <label>
            发文机关
            <input
              value={doc.issuer}
              onChange={(e) => setDoc({ ...doc, issuer: e.target.value })}
              aria-label="发文机关"
            />
          </label>
          <label>
            成文日期
            <input
              type="date"
              value={doc.issuedOn ?? ''}
              onChange={(e) => setDoc({ ...doc, issuedOn: e.target.value || null })}
              aria-label="成文日期"
            />
          </label>
        </div>
        <div className="toolbar">
          <span className="muted">已选 {counts.items} 项任务</span>
          <button type="button" onClick={onCancel}>
            放弃
          </button>
          {mode === 'update' ? (
            <button
              type="button"
              className="primary"
              disabled={saving || !diff || stale}
              onClick={save}
              title={stale ? '预览已修改，请先重新比较' : undefined}
            >
              更新台账
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={saving || mode === 'ask'}
              onClick={save}
              title={mode === 'ask' ? '请先选择更新已有文件或另存为新文件' : undefined}
            >
              保存到台账
            </button>
          )}
        </div>
      </div>
      {flagSummary && (
        <div className="review-flags" aria-label="需核对的项">
          <span className="flag-dot" aria-hidden="true" />
          <strong>{flagSummary}</strong>
          <button type="button" className="link" onClick={nextFlag}>
            下一处
          </button>
          <label>
            <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} />
            只看这些项
          </label>
        </div>
      )}
      {review.duplicateOf && mode === 'ask' && (
        <DuplicatePrompt
          same={review.duplicateOf}
          busy={saving}
          onUpdate={() => void compare()}
          onSaveAsNew={() => setMode('new')}
          onCancel={onCancel}
        />
      )}
      {review.duplicateOf && mode === 'new' && (
        <div className="muted small">
          该文件已在台账中（《{review.duplicateOf.title}》），将另存为新文件。
          <button type="button" className="link" onClick={() => setMode('ask')}>
            改为更新已有文件
          </button>
        </div>
      )}
      {mode === 'update' && diff && (
        <DocumentDiff
          diff={diff.diff}
          stale={stale}
          remove={remove}
          onToggleRemove={(id, on) =>
            setRemove((r) => (on ? new Set([...r, id]) : new Set([...r].filter((x) => x !== id))))
          }
          onCompare={() => void compare()}
          onBack={() => setMode('ask')}
        />
      )}
      {asking && (
        <FlagConfirmDialog
          counts={flags.counts}
          action={mode === 'update' ? '更新' : '保存'}
          onConfirm={() => void write(true)}
          onCancel={() => setAsking(false)}
        />
      )}
      {review.alreadyImported[0] && !review.duplicateOf && (
        <div className="error-banner" role="alert">
          这个文件已于 {review.alreadyImported[0].createdAt.slice(0, 10)} 导入过（导入记录 #
          {review.alreadyImported[0].batchId}）。再次保存会重复添加任务；如需重新导入，请先在“导入记录”中撤销上一次。
        </div>
      )}
      {review.warnings.length > 0 && (
        <ul className="warnings">
          {review.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {error && (
        <div className="error-banner" role="alert">
          {error}
        </div>
      )}
      <div className="review-body">
        <pre className="source-text" aria-label="文件原文">
          {before}
          {focus && (
            <>
              <mark ref={markRef}>{review.text.slice(focus.start, focus.end)}</mark>
              {review.text.slice(focus.end)}
            </>
          )}
        </pre>
        <div className="extracted">
          <h3>任务（点击可在左侧原文中定位）</h3>
          <ul className="review-tasks" aria-label="读取的任务" ref={listRef}>
            {tasks.map((t) => {
              const flagged = flags.byId.get(t.id);
              if (onlyFlagged && !flagged) return null;
              return (
                <li
                  key={t.id}
                  data-task-id={t.id}
                  className={`review-task level-${t.level} ${t.included ? '' : 'excluded'} ${flagged ? `flagged ${flagged.map((f) => `flag-${f.kind}`).join(' ')}` : ''}`}
                  style={{ marginLeft: (INDENT[t.level] ?? 0) * 18 }}
                  title={flagged?.map((f) => f.reason).join('\n')}
                  onClick={() => setFocus(t.span)}
                >
                  <div className="review-task-head">
                    <input
                      type="checkbox"
                      checked={t.included}
                      onChange={(e) => toggle(t, e.target.checked)}
                      aria-label={`保存 ${t.number}${t.title || t.content.slice(0, 12)}`}
                    />
                    <span className="number">{t.number}</span>
                    <input
                      className="title"
                      value={t.title || t.content}
                      onChange={(e) => update(t.id, t.title ? { title: e.target.value } : { content: e.target.value })}
                      aria-label="标题或内容"
                    />
                    {t.level === 'item' &&
                      sentencesOf(t.content || t.title).length > 1 &&
                      !tasks.some((x) => x.parentId === t.id) && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => splitSentences(t)}
                          title="按句号拆成多项工作内容"
                        >
                          拆分
                        </button>
                      )}
                    {t.level !== 'section' && hasSiblingAbove(tasks, t) && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => mergeUp(t)}
                        title="把这一项的内容并入上一项"
                      >
                        合并到上一项
                      </button>
                    )}
                  </div>
                  {!t.included && t.excludedReason && <div className="muted small">未选：{t.excludedReason}</div>}
                  {t.included && t.level !== 'section' && (
                    <div className="review-task-fields">
                      <label>
                        牵头
                        <input
                          value={t.leadUnits.join('、')}
                          onChange={(e) => update(t.id, { leadUnits: splitAliases(e.target.value) })}
                        />
                      </label>
                      <label>
                        配合
                        <input
                          value={t.coUnits.join('、')}
                          onChange={(e) => update(t.id, { coUnits: splitAliases(e.target.value) })}
                        />
                      </label>
                      <label>
                        时限
                        <input
                          value={t.deadlineText}
                          onChange={(e) => update(t.id, { deadlineText: e.target.value })}
                        />
                      </label>
                      {t.targets.length > 0 && <div className="targets">目标：{t.targets.join('；')}</div>}
                    </div>
                  )}
                  {flagged && (
                    <ul className="flag-reasons" aria-label="需核对的原因">
                      {flagged.map((f) => (
                        <li key={f.kind} className={`flag-${f.kind}`}>
                          {f.reason}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          {units.length > 0 && (
            <>
              <h3>新的责任单位（台账中还没有）</h3>
              <ul className="review-units" aria-label="新的责任单位">
                {units.map((u, i) => (
                  <li key={u.name}>
                    <label>
                      <input
                        type="checkbox"
                        checked={u.add}
                        onChange={(e) =>
                          setUnits((l) => l.map((x, k) => (k === i ? { ...x, add: e.target.checked } : x)))
                        }
                      />
                      新增“{u.name}”
                    </label>
                    <select
                      value={u.kind}
                      onChange={(e) =>
                        setUnits((l) => l.map((x, k) => (k === i ? { ...x, kind: e.target.value as UnitKind } : x)))
                      }
                      aria-label={`${u.name}的类别`}
                    >
                      {UNIT_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {UNIT_KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                    {u.sameAs.length > 0 && (
                      <span className="muted small">可能与“{u.sameAs.join('、')}”是同一单位</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {groups.length > 0 && (
            <>
              <h3>领导小组</h3>
              {groups.map((g, i) => (
                <div key={g.name} className="review-group" onClick={() => setFocus(g.span)}>
                  <label>
                    <input
                      type="checkbox"
                      checked={g.add}
                      onChange={(e) =>
                        setGroups((l) => l.map((x, k) => (k === i ? { ...x, add: e.target.checked } : x)))
                      }
                    />
                    {g.name}
                    {g.office && `（办公室设在${g.office}）`}
                  </label>
                  <ul>
                    {g.members.map((m, k) => (
                      <li key={k}>
                        {m.role}：{[m.person, m.unit, m.post].filter(Boolean).join(' ')}
                      </li>
                    ))}
                  </ul>
                  {g.duties.length > 0 && <div className="muted small">成员单位职责 {g.duties.length} 条</div>}
                </div>
              ))}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function sentencesOf(text: string): string[] {
  return (text.match(/[^。；;]+[。；;]?/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 1);
}

function hasSiblingAbove(
  list: { id: string; parentId: string | null; level: string }[],
  t: { id: string; parentId: string | null; level: string },
): boolean {
  const i = list.findIndex((x) => x.id === t.id);
  return list.slice(0, i).some((x) => x.parentId === t.parentId && x.level === t.level);
}
