// A leadership group's roster: current members in order, ended memberships with 显示历史, personnel changes.
import { gridLocaleText, gridTheme } from '../../theme/gridTheme';
import type {
  CellClassParams,
  CellEditRequestEvent,
  ColDef,
  ICellRendererParams,
  RowClassParams,
  RowDragEndEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { GROUP_ROLES, type GroupMember, type Unit } from '@shared/domain';
import { errorMessage, invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AddMemberDialog } from './AddMemberDialog';
import { movedOrder, termText } from './memberOrder';
import { PersonChangeDialog } from './PersonChangeDialog';

type Report = (notice: string, error: string) => void;

/** The roster: current members by default, ended memberships greyed in beside them with 显示历史. */
export function MembersSection(props: {
  groupId: number;
  members: GroupMember[];
  units: Unit[];
  onMembers: (m: GroupMember[]) => void;
  reload: () => Promise<void>;
  report: Report;
}) {
  const { groupId, members, units, onMembers, reload, report } = props;
  const [showHistory, setShowHistory] = useState(false);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<GroupMember | null>(null);
  const [removing, setRemoving] = useState<GroupMember | null>(null);
  const gridRef = useRef<AgGridReact<GroupMember>>(null);
  /** A member just added or moved is scrolled into view once the grid has it. */
  const revealId = useRef<number | null>(null);
  const onRowDataUpdated = useCallback(() => {
    const api = gridRef.current?.api;
    const node = revealId.current === null ? undefined : api?.getRowNode(String(revealId.current));
    if (!api || !node) return;
    revealId.current = null;
    api.ensureNodeVisible(node);
    api.flashCells({ rowNodes: [node] });
  }, []);

  const roster = useMemo(() => members.filter((m) => m.validTo === null), [members]);
  const rows = showHistory ? members : roster;
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const unitRef = useMemo(
    () => Object.fromEntries([['', '（无）'], ...units.map((u) => [String(u.id), u.name])]),
    [units],
  );

  const reorder = useCallback(
    async (ids: number[] | null, done: string) => {
      if (!ids) return;
      try {
        onMembers(await invoke('groups:reorderMembers', { groupId, memberIds: ids }));
        report(done, '');
      } catch (err) {
        report('', errorMessage(err));
        await reload();
      }
    },
    [groupId, onMembers, reload, report],
  );

  const step = (delta: number) => {
    const index = roster.findIndex((m) => m.id === currentId);
    const member = roster[index];
    if (!member) return report('', '请先点选要移动的成员（现任成员）。');
    if (index + delta < 0 || index + delta >= roster.length)
      return report(delta < 0 ? '已经是第一位。' : '已经是最后一位。', '');
    revealId.current = member.id;
    void reorder(movedOrder(roster, member.id, index + delta), delta < 0 ? '已上移。' : '已下移。');
  };

  const onRowDragEnd = (e: RowDragEndEvent<GroupMember>) => {
    const moving = e.node.data;
    const over = e.overNode?.data;
    if (!moving || !over || over.id === moving.id || over.validTo !== null) return;
    void reorder(
      movedOrder(
        roster,
        moving.id,
        roster.findIndex((m) => m.id === over.id),
      ),
      '已调整顺序。',
    );
  };

  // The grid never changes its own rows: an edit is shown only once the ledger has accepted it.
  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<GroupMember>) => {
      const col = event.colDef.colId ?? event.colDef.field ?? '';
      const key = `${event.data.id}:${col}`;
      const patch =
        col === 'unit' ? { unitId: event.newValue ? Number(event.newValue) : null } : { [col]: event.newValue ?? '' };
      try {
        const updated = await invoke('groups:updateMember', { id: event.data.id, patch });
        onMembers(members.map((m) => (m.id === updated.id ? updated : m)));
        setCellErrors(({ [key]: _, ...rest }) => rest);
        report('已保存成员修改。', '');
      } catch (err) {
        const message = errorMessage(err);
        setCellErrors((errors) => ({ ...errors, [key]: message }));
        report('', message);
        event.api.refreshCells({ rowNodes: [event.node], force: true });
      }
    },
    [members, onMembers, report],
  );

  const columnDefs = useMemo<ColDef<GroupMember>[]>(() => {
    const current = (p: { data?: GroupMember }) => p.data?.validTo === null;
    const editable = (
      colId: string,
      headerName: string,
      extra: Partial<ColDef<GroupMember>> = {},
    ): ColDef<GroupMember> => ({
      colId,
      field: colId === 'unit' ? undefined : (colId as keyof GroupMember),
      headerName,
      editable: current,
      cellClassRules: {
        'cell-error': (p: CellClassParams<GroupMember>) => Boolean(p.data && cellErrors[`${p.data.id}:${colId}`]),
      },
      tooltipValueGetter: (p) => (p.data ? cellErrors[`${p.data.id}:${colId}`] : undefined),
      ...extra,
    });
    return [
      {
        colId: 'order',
        headerName: '序号',
        width: 100,
        rowDrag: (p) => !showHistory && p.data?.validTo === null,
        valueGetter: (p) => (p.data?.validTo === null ? roster.findIndex((m) => m.id === p.data!.id) + 1 : '历史'),
      },
      editable('role', '职务', {
        width: 130,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...GROUP_ROLES] },
      }),
      editable('personName', '姓名', { width: 110 }),
      editable('post', '职务（岗位）', { flex: 1, minWidth: 160 }),
      editable('unit', '所在单位', {
        flex: 1,
        minWidth: 180,
        valueGetter: (p) => (p.data?.unitId == null ? '' : String(p.data.unitId)),
        refData: unitRef,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: Object.keys(unitRef) },
      }),
      { colId: 'term', headerName: '任职时间', width: 200, valueGetter: (p) => (p.data ? termText(p.data) : '') },
      {
        colId: 'actions',
        headerName: '操作',
        width: 140,
        cellRenderer: (p: ICellRendererParams<GroupMember>) => {
          const m = p.data;
          if (!m) return null;
          const who = m.personName || unitName.get(m.unitId ?? 0) || m.role;
          return (
            <span className="row-actions">
              {m.validTo === null && (
                <button type="button" className="link" onClick={() => setChanging(m)} aria-label={`人员变动：${who}`}>
                  人员变动
                </button>
              )}
              <button
                type="button"
                className="link danger-text"
                onClick={() => setRemoving(m)}
                aria-label={`移除：${who}`}
              >
                移除
              </button>
            </span>
          );
        },
      },
    ];
  }, [cellErrors, roster, showHistory, unitName, unitRef]);

  const confirmRemove = async () => {
    const m = removing;
    setRemoving(null);
    if (!m) return;
    try {
      await invoke('groups:removeMember', { id: m.id });
      onMembers(members.filter((x) => x.id !== m.id));
      report('已移除成员。', '');
    } catch (err) {
      report('', errorMessage(err));
    }
  };

  return (
    <div className="members">
      <div className="section-head">
        <h2>成员</h2>
        <div className="toolbar">
          <span className="muted">现任 {roster.length} 人</span>
          <label className="check">
            <input type="checkbox" checked={showHistory} onChange={(e) => setShowHistory(e.target.checked)} />
            显示历史
          </label>
          <button type="button" onClick={() => step(-1)}>
            上移
          </button>
          <button type="button" onClick={() => step(1)}>
            下移
          </button>
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            新增成员
          </button>
        </div>
      </div>
      <div className="grid-host members-grid" data-testid="members-grid">
        <AgGridReact<GroupMember>
          ref={gridRef}
          overlayNoRowsTemplate="暂无成员。点“新增成员”录入组长、副组长和成员单位。"
          animateRows={false}
          rowHeight={36}
          onRowDataUpdated={onRowDataUpdated}
          theme={gridTheme}
          rowData={rows}
          columnDefs={columnDefs}
          getRowId={(p) => String(p.data.id)}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onRowDragEnd={onRowDragEnd}
          onRowClicked={(e) => e.data && setCurrentId(e.data.id)}
          getRowClass={(p: RowClassParams<GroupMember>) =>
            [p.data?.validTo !== null ? 'row-ended' : '', p.data?.id === currentId ? 'row-current' : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
          localeText={gridLocaleText}
          tooltipShowDelay={200}
          stopEditingWhenCellsLoseFocus
          defaultColDef={{ resizable: true, sortable: false }}
        />
      </div>
      {adding && (
        <AddMemberDialog
          groupId={groupId}
          units={units}
          onCancel={() => setAdding(false)}
          onAdded={(m) => {
            setAdding(false);
            revealId.current = m.id;
            onMembers([...members, m]);
            report('已新增成员。', '');
          }}
        />
      )}
      {changing && (
        <PersonChangeDialog
          member={changing}
          unitName={unitName.get(changing.unitId ?? 0) ?? ''}
          onCancel={() => setChanging(null)}
          onChanged={(name) => {
            setChanging(null);
            report(`已记录人员变动：由${name}接任，原任职记录已保留为历史。`, '');
            void reload();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title="移除成员"
          message={`确定移除“${removing.personName || unitName.get(removing.unitId ?? 0) || removing.role}”（${removing.role}）吗？移除的成员放入回收站，可以从回收站还原；如是换人，请改用“人员变动”，以保留任职历史。`}
          confirmLabel="移除"
          onConfirm={confirmRemove}
          onCancel={() => setRemoving(null)}
        />
      )}
    </div>
  );
}
