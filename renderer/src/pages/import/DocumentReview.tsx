import { useEffect, useMemo, useRef, useState } from 'react';
import type { IngestReview, IngestSaveOutcome, SourceSpan } from '../../../../shared/channels/ingest';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../../../../shared/domain';
import { errorMessage, invoke } from '../../api';
import { splitAliases } from '../splitAliases';

type ReviewTask = IngestReview['tasks'][number];
const INDENT: Record<string, number> = { section: 0, task: 1, item: 2 };

/**
 * The document on one side, what was read from it on the other. Clicking an item shows its source
 * words; the clerk edits, merges and excludes, and only 保存到台账 writes anything.
 */
export function DocumentReview({ review, onSaved, onCancel }: { review: IngestReview; onSaved: (o: IngestSaveOutcome) => void; onCancel: () => void }) {
  const [doc, setDoc] = useState(review.document);
  const [tasks, setTasks] = useState<ReviewTask[]>(review.tasks);
  const [units, setUnits] = useState(review.proposedUnits.map((u) => ({ ...u, add: true })));
  const [groups, setGroups] = useState(review.groups.map((g) => ({ ...g, add: true })));
  const [focus, setFocus] = useState<SourceSpan | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const markRef = useRef<HTMLElement>(null);

  // Braces matter: newer Chromium returns a Promise from scrollIntoView, and an effect must not return one.
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [focus]);

  const update = (id: string, patch: Partial<ReviewTask>) => setTasks((list) => list.map((t) => (t.id === id ? { ...t, ...patch } : t)));
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
      return list.filter((x) => x.id !== t.id).map((x) => (x.id === prev.id ? merged : x.parentId === t.id ? { ...x, parentId: prev.id } : x));
    });

  /** 拆分: one work item per sentence, each keeping the units and deadline of the whole. */
  const splitSentences = (t: ReviewTask) =>
    setTasks((list) => {
      const sentences = sentencesOf(t.content || t.title);
      if (sentences.length < 2) return list;
      const parts = sentences.map((sentence, n) => ({ ...t, id: `${t.id}-${n + 1}`, number: n === 0 ? t.number : '', title: '', content: sentence }));
      return list.flatMap((x) => (x.id === t.id ? parts : [x]));
    });

  const included = tasks.filter((t) => t.included);
  const counts = useMemo(() => ({ items: included.filter((t) => t.level !== 'section').length }), [included]);

  const save = async () => {
    setSaving(true);
    try {
      const keep = new Set(included.map((t) => t.id));
      const outcome = await invoke('ingest:save', {
        fileName: review.fileName,
        sha256: review.sha256,
        document: doc,
        newUnits: units.filter((u) => u.add).map((u) => ({ name: u.name, kind: u.kind })),
        tasks: included.map((t) => ({
          key: t.id,
          parentKey: t.parentId && keep.has(t.parentId) ? t.parentId : null,
          level: t.level,
          number: t.number,
          title: t.title,
          content: t.content,
          leadUnits: t.leadUnits,
          coUnits: t.coUnits,
          deadlineText: t.deadlineText,
          targets: t.targets,
        })),
        groups: groups
          .filter((g) => g.add)
          .map((g) => ({
            name: g.name,
            office: g.office,
            members: g.members.map(({ role, person, post, unit }) => ({ role, person, post, unit })),
            duties: g.duties.map(({ unit, duty }) => ({ unit, duty })),
          })),
      });
      onSaved(outcome);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const before = focus ? review.text.slice(0, focus.start) : review.text;
  return (
    <div className="review">
      <div className="review-head">
        <div className="doc-meta">
          <label>
            标题
            <input value={doc.title} onChange={(e) => setDoc({ ...doc, title: e.target.value })} aria-label="文件标题" />
          </label>
          <label>
            文号
            <input value={doc.docNumber} onChange={(e) => setDoc({ ...doc, docNumber: e.target.value })} aria-label="文号" />
          </label>
          <label>
            发文机关
            <input value={doc.issuer} onChange={(e) => setDoc({ ...doc, issuer: e.target.value })} aria-label="发文机关" />
          </label>
          <label>
            成文日期
            <input type="date" value={doc.issuedOn ?? ''} onChange={(e) => setDoc({ ...doc, issuedOn: e.target.value || null })} aria-label="成文日期" />
          </label>
        </div>
        <div className="toolbar">
          <span className="muted">已选 {counts.items} 项任务</span>
          <button type="button" onClick={onCancel}>
            放弃
          </button>
          <button type="button" className="primary" disabled={saving} onClick={save}>
            保存到台账
          </button>
        </div>
      </div>
      {review.alreadyImported.length > 0 && (
        <div className="error-banner" role="alert">
          这个文件已于 {review.alreadyImported[0].createdAt.slice(0, 10)} 导入过（导入记录 #{review.alreadyImported[0].batchId}）。再次保存会重复添加任务；如需重新导入，请先在“导入记录”中撤销上一次。
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
          <ul className="review-tasks" aria-label="读取的任务">
            {tasks.map((t) => (
              <li
                key={t.id}
                className={`review-task level-${t.level} ${t.included ? '' : 'excluded'}`}
                style={{ marginLeft: INDENT[t.level] * 18 }}
                onClick={() => setFocus(t.span)}
              >
                <div className="review-task-head">
                  <input type="checkbox" checked={t.included} onChange={(e) => toggle(t, e.target.checked)} aria-label={`保存 ${t.number}${t.title || t.content.slice(0, 12)}`} />
                  <span className="number">{t.number}</span>
                  <input className="title" value={t.title || t.content} onChange={(e) => update(t.id, t.title ? { title: e.target.value } : { content: e.target.value })} aria-label="标题或内容" />
                  {t.level === 'item' && sentencesOf(t.content || t.title).length > 1 && !tasks.some((x) => x.parentId === t.id) && (
                    <button type="button" className="link" onClick={() => splitSentences(t)} title="按句号拆成多项工作内容">
                      拆分
                    </button>
                  )}
                  {t.level !== 'section' && hasSiblingAbove(tasks, t) && (
                    <button type="button" className="link" onClick={() => mergeUp(t)} title="把这一项的内容并入上一项">
                      合并到上一项
                    </button>
                  )}
                </div>
                {!t.included && t.excludedReason && <div className="muted small">未选：{t.excludedReason}</div>}
                {t.included && t.level !== 'section' && (
                  <div className="review-task-fields">
                    <label>
                      牵头
                      <input value={t.leadUnits.join('、')} onChange={(e) => update(t.id, { leadUnits: splitAliases(e.target.value) })} />
                    </label>
                    <label>
                      配合
                      <input value={t.coUnits.join('、')} onChange={(e) => update(t.id, { coUnits: splitAliases(e.target.value) })} />
                    </label>
                    <label>
                      时限
                      <input value={t.deadlineText} onChange={(e) => update(t.id, { deadlineText: e.target.value })} />
                    </label>
                    {t.targets.length > 0 && <div className="targets">目标：{t.targets.join('；')}</div>}
                  </div>
                )}
              </li>
            ))}
          </ul>
          {units.length > 0 && (
            <>
              <h3>新的责任单位（台账中还没有）</h3>
              <ul className="review-units" aria-label="新的责任单位">
                {units.map((u, i) => (
                  <li key={u.name}>
                    <label>
                      <input type="checkbox" checked={u.add} onChange={(e) => setUnits((l) => l.map((x, k) => (k === i ? { ...x, add: e.target.checked } : x)))} />
                      新增“{u.name}”
                    </label>
                    <select value={u.kind} onChange={(e) => setUnits((l) => l.map((x, k) => (k === i ? { ...x, kind: e.target.value as UnitKind } : x)))} aria-label={`${u.name}的类别`}>
                      {UNIT_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {UNIT_KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                    {u.sameAs.length > 0 && <span className="muted small">可能与“{u.sameAs.join('、')}”是同一单位</span>}
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
                    <input type="checkbox" checked={g.add} onChange={(e) => setGroups((l) => l.map((x, k) => (k === i ? { ...x, add: e.target.checked } : x)))} />
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

function hasSiblingAbove(list: { id: string; parentId: string | null; level: string }[], t: { id: string; parentId: string | null; level: string }): boolean {
  const i = list.findIndex((x) => x.id === t.id);
  return list.slice(0, i).some((x) => x.parentId === t.parentId && x.level === t.level);
}
