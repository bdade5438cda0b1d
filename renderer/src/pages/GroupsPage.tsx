import { useCallback, useEffect, useState } from 'react';
import type { GroupList, GroupView } from '../../../shared/channels/groups';
import type { Unit } from '../../../shared/domain';
import { errorMessage, invoke } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PageMessages } from '../components/PageMessages';
import { DutiesSection } from './groups/DutiesSection';
import { GroupInfoForm } from './groups/GroupInfoForm';
import { MembersSection } from './groups/MembersSection';

export function GroupsPage() {
  const [list, setList] = useState<GroupList>({ groups: [], documents: [] });
  const [units, setUnits] = useState<Unit[]>([]);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [view, setView] = useState<GroupView | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [deleting, setDeleting] = useState(false);
  const report = useCallback((n: string, e: string) => {
    setNotice(n);
    setError(e);
  }, []);

  useEffect(() => {
    Promise.all([invoke('groups:list', {}), invoke('units:list', {})]).then(([l, u]) => {
      setList(l);
      setUnits(u);
      setGroupId((id) => id ?? l.groups[0]?.id ?? null);
    }, (err) => setError(errorMessage(err)));
  }, []);

  const reload = useCallback(async () => {
    if (groupId === null) return setView(null);
    try {
      setView(await invoke('groups:view', { id: groupId }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [groupId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const createGroup = async () => {
    try {
      const created = await invoke('groups:create', { name: `新建领导小组${list.groups.length + 1}` });
      setList((l) => ({ ...l, groups: [...l.groups, created] }));
      setGroupId(created.id);
      report('已新建领导小组，请填写名称、成立文件和办公室。', '');
    } catch (err) {
      report('', errorMessage(err));
    }
  };

  const deleteGroup = async () => {
    setDeleting(false);
    const group = view?.group;
    if (!group) return;
    try {
      await invoke('groups:delete', { id: group.id });
      const l = await invoke('groups:list', {});
      setList(l);
      setView(null);
      setGroupId(l.groups[0]?.id ?? null);
      report(`已删除“${group.name}”并移入回收站，需要时可在“回收站”中还原。`, '');
    } catch (err) {
      report('', errorMessage(err));
    }
  };

  return (
    <section className="page page-groups">
      <div className="page-head">
        <h1>领导小组</h1>
        <div className="toolbar">
          <select value={groupId ?? ''} onChange={(e) => setGroupId(Number(e.target.value))} aria-label="选择领导小组">
            {list.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={createGroup}>
            新建领导小组
          </button>
          <button type="button" className="danger-text" disabled={!view} onClick={() => setDeleting(true)}>
            删除领导小组
          </button>
        </div>
      </div>
      <PageMessages error={error} notice={notice} onCloseError={() => setError('')} />
      {!view && list.groups.length === 0 && <p className="muted">还没有领导小组。点“新建领导小组”开始录入。</p>}
      {view && (
        <>
          <GroupInfoForm
            group={view.group}
            documents={list.documents}
            units={units}
            onSaved={(group) => {
              setView((v) => (v ? { ...v, group } : v));
              setList((l) => ({ ...l, groups: l.groups.map((g) => (g.id === group.id ? group : g)) }));
              report('已保存领导小组基本信息。', '');
            }}
            onError={(message) => report('', message)}
          />
          <MembersSection
            key={`members-${view.group.id}`}
            groupId={view.group.id}
            members={view.members}
            units={units}
            onMembers={(members) => setView((v) => (v ? { ...v, members } : v))}
            reload={reload}
            report={report}
          />
          <DutiesSection
            key={`duties-${view.group.id}`}
            groupId={view.group.id}
            duties={view.duties}
            units={units}
            onDuties={(duties) => setView((v) => (v ? { ...v, duties } : v))}
            report={report}
          />
        </>
      )}
      {deleting && view && (
        <ConfirmDialog
          title="删除领导小组"
          message={`确定删除“${view.group.name}”吗？它的 ${view.members.length} 条成员记录（含历任）和 ${view.duties.length} 项成员单位职责会一并移入回收站，需要时可以在“回收站”中还原。`}
          confirmLabel="删除"
          onConfirm={deleteGroup}
          onCancel={() => setDeleting(false)}
        />
      )}
    </section>
  );
}
