// A leadership group's own facts (name, founding document, office and its head, date), saved together.
import { useState, type FormEvent } from 'react';
import type { LeadershipGroup, PolicyDocument, Unit } from '@shared/domain';
import { errorMessage, invoke } from '../../api';

type Draft = { name: string; documentId: string; officeUnitId: string; officeDirector: string; establishedOn: string };

function draftOf(g: LeadershipGroup): Draft {
  return {
    name: g.name,
    documentId: g.documentId === null ? '' : String(g.documentId),
    officeUnitId: g.officeUnitId === null ? '' : String(g.officeUnitId),
    officeDirector: g.officeDirector,
    establishedOn: g.establishedOn ?? '',
  };
}

/** The group's own facts; saved together so a refused save leaves the clerk's typing in place to correct. */
export function GroupInfoForm(props: {
  group: LeadershipGroup;
  documents: PolicyDocument[];
  units: Unit[];
  onSaved: (group: LeadershipGroup) => void;
  onError: (message: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.group));
  // Another group (or this one saved): the form starts again from it, in the same render rather than
  // one render late from an effect (React's "adjusting state when a prop changes").
  const [shownGroup, setShownGroup] = useState(props.group);
  if (shownGroup !== props.group) {
    setShownGroup(props.group);
    setDraft(draftOf(props.group));
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(props.group));
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const saved = await invoke('groups:update', {
        id: props.group.id,
        patch: {
          name: draft.name,
          documentId: draft.documentId ? Number(draft.documentId) : null,
          officeUnitId: draft.officeUnitId ? Number(draft.officeUnitId) : null,
          officeDirector: draft.officeDirector,
          establishedOn: draft.establishedOn || null,
        },
      });
      props.onSaved(saved);
    } catch (err) {
      props.onError(errorMessage(err));
    }
  };

  return (
    <form className="group-info" onSubmit={save} aria-label="领导小组基本信息">
      <label className="wide">
        名称
        <input value={draft.name} onChange={set('name')} />
      </label>
      <label className="wide">
        成立文件
        <select value={draft.documentId} onChange={set('documentId')}>
          <option value="">（未指定）</option>
          {props.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.docNumber ? `${d.title}（${d.docNumber}）` : d.title}
            </option>
          ))}
        </select>
      </label>
      <label className="office">
        办公室设在
        <select value={draft.officeUnitId} onChange={set('officeUnitId')}>
          <option value="">（未指定）</option>
          {props.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        办公室主任
        <input value={draft.officeDirector} onChange={set('officeDirector')} />
      </label>
      <label>
        成立日期
        <input type="date" value={draft.establishedOn} onChange={set('establishedOn')} />
      </label>
      <div className="group-info-actions">
        <button type="submit" className="primary" disabled={!dirty}>
          保存基本信息
        </button>
        {dirty && (
          <button type="button" onClick={() => setDraft(draftOf(props.group))}>
            放弃修改
          </button>
        )}
      </div>
    </form>
  );
}
