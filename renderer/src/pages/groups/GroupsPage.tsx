// 领导小组 page: the groups in the ledger, one open with its facts, roster and member units' duties.
import { Button, Empty, Modal, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { GroupList } from '@shared/channels/groups';
import type { Unit } from '@shared/domain';
import { AppError, invoke } from '../../api';
import { PageMessages } from '../../components/PageMessages';
import { useUndo } from '../../components/useUndo';
import { useLedgerAction } from '../../hooks/useLedgerAction';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { DutiesSection } from './DutiesSection';
import { GroupInfoForm } from './GroupInfoForm';
import { MembersSection } from './MembersSection';
import { NewGroupDialog } from './NewGroupDialog';
import { UndoButtons } from '../../components/UndoButtons';

const NO_GROUPS: GroupList = { groups: [], documents: [] };
const NO_UNITS: Unit[] = [];

export function GroupsPage() {
  const messages = usePageMessages();
  const { report } = messages;
  const [groupId, setGroupId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [modal, modalHolder] = Modal.useModal();
  const history = useUndo(report, 'groups');
  const refreshHistory = history.refresh;
  // Every save on this page ends in a notice (or an error): the 撤销 button then names the newest step.
  useEffect(() => {
    void refreshHistory();
  }, [messages, refreshHistory]);
  // The shown group may be gone after 撤销 (its creation undone) or a delete: show the first one then.
  const onList = useCallback(
    (l: GroupList) =>
      setGroupId((id) => (id !== null && l.groups.some((g) => g.id === id) ? id : (l.groups[0]?.id ?? null))),
    [],
  );
  const groupList = useLedgerQuery('groups:list', {}, { onError: messages.fail, onData: onList });
  const list = groupList.data ?? NO_GROUPS;
  const setList = groupList.setData;
  const units = useLedgerQuery('units:list', {}, { onError: messages.fail }).data ?? NO_UNITS;
  const groupView = useLedgerQuery('groups:view', groupId === null ? null : { id: groupId }, {
    // A group undone away is no error: the list, read again beside it, moves on to another group.
    onError: (err: unknown) => {
      if (!(err instanceof AppError && err.code === 'group_not_found')) messages.fail(err);
    },
  });
  const view = groupView.data;
  const setView = groupView.setData;
  const reload = groupView.reload;
  const action = useLedgerAction(messages);

  const deleteGroup = async () => {
    const group = view?.group;
    if (!group) return;
    await action.run(
      async () => {
        await invoke('groups:delete', { id: group.id });
        const l = await invoke('groups:list', {});
        setList(l);
        setView(undefined);
        setGroupId(l.groups[0]?.id ?? null);
      },
      { notice: `已删除“${group.name}”并移入回收站，可点“撤销”或在“回收站”中还原。` },
    );
  };

  const confirmDelete = () => {
    if (!view) return;
    void modal.confirm({
      title: `删除领导小组“${view.group.name}”？`,
      content: `它的 ${view.members.length} 条成员记录（含历任）和 ${view.duties.length} 项成员单位职责会一并移入回收站。删除后可点“撤销”，或在“回收站”中还原。`,
      okText: '删除',
      okButtonProps: { danger: true, autoInsertSpace: false },
      cancelButtonProps: { autoInsertSpace: false },
      cancelText: '取消',
      onOk: deleteGroup,
    });
  };

  return (
    <section className="page page-groups">
      <div className="page-head">
        <h1>领导小组</h1>
        <Space className="toolbar" wrap={false}>
          <Select
            aria-label="选择领导小组"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 360 }}
            value={groupId ?? undefined}
            placeholder="选择领导小组"
            notFoundContent="没有这个名称的领导小组"
            onChange={(id: number) => setGroupId(id)}
            options={list.groups.map((g) => ({ value: g.id, label: g.name }))}
          />
          <Button type="primary" onClick={() => setCreating(true)}>
            新建领导小组
          </Button>
          <Button danger disabled={!view} onClick={confirmDelete}>
            删除领导小组
          </Button>
          <UndoButtons state={history.state} undo={history.undo} redo={history.redo} />
        </Space>
      </div>
      <PageMessages messages={messages} />
      {!view && list.groups.length === 0 && (
        <Empty description="还没有领导小组。点“新建领导小组”开始录入。" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {view && (
        <>
          <GroupInfoForm
            group={view.group}
            documents={list.documents}
            units={units}
            onSaved={(group) => {
              setView((v) => (v ? { ...v, group } : v));
              setList((l) => (l ? { ...l, groups: l.groups.map((g) => (g.id === group.id ? group : g)) } : l));
              report('已保存领导小组基本信息。', '');
            }}
            onError={messages.fail}
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
      {creating && (
        <NewGroupDialog
          taken={list.groups.map((g) => g.name)}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setList((l) => (l ? { ...l, groups: [...l.groups, created] } : l));
            setGroupId(created.id);
            report(`已新建“${created.name}”，请填写成立文件、办公室和成员。`, '');
          }}
        />
      )}
      {modalHolder}
    </section>
  );
}
