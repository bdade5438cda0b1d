// 责任单位 page: the units in a grid, edited in place, added and deleted to 回收站.
import { gridLocaleText, gridTheme } from '../../theme/gridTheme';
import type { CellClassParams, CellEditRequestEvent, ColDef, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit } from '@shared/domain';
import { invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageMessages } from '../../components/PageMessages';
import { useLedgerAction } from '../../hooks/useLedgerAction';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { AddUnitDialog } from './AddUnitDialog';
import { splitAliases } from '@shared/unitNames';

type EditableField = 'name' | 'shortName' | 'kind' | 'aliases' | 'contactPerson' | 'phone' | 'active';

export function UnitsPage() {
  const messages = usePageMessages();
  const { tell } = messages;
  const query = useLedgerQuery('units:list', {}, { onError: messages.fail });
  const units = useMemo(() => query.data ?? [], [query.data]);
  const setUnits = query.setData;
  const action = useLedgerAction(messages);
  const { run } = action;
  /** Cells whose last edit was refused, keyed id:field, so the clerk sees where the problem is. */
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Unit | null>(null);
  const gridRef = useRef<AgGridReact<Unit>>(null);
  /** A unit just added is scrolled into view and flashed once the grid has it. */
  const revealId = useRef<number | null>(null);
  const onRowDataUpdated = useCallback(() => {
    const api = gridRef.current?.api;
    const id = revealId.current;
    if (!api || id === null) return;
    const node = api.getRowNode(String(id));
    if (!node) return;
    revealId.current = null;
    api.ensureNodeVisible(node, 'middle');
    api.flashCells({ rowNodes: [node] });
  }, []);

  // The grid never changes its own data: each edit goes to the ledger first, and only what the ledger
  // accepted is shown, so a refused edit leaves the old value in place.
  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<Unit>) => {
      const field = event.colDef.field as EditableField;
      const key = `${event.data.id}:${field}`;
      const value = field === 'aliases' ? splitAliases(String(event.newValue ?? '')) : event.newValue;
      const saved = await run(() => invoke('units:update', { id: event.data.id, patch: { [field]: value } }), {
        notice: (u) => `已保存“${u.name}”的修改。`,
        onError: (message) => {
          setCellErrors((errors) => ({ ...errors, [key]: message }));
          event.api.refreshCells({ rowNodes: [event.node], force: true });
        },
      });
      if (!saved.ok) return;
      const updated = saved.value;
      setUnits((list) => list?.map((u) => (u.id === updated.id ? updated : u)));
      setCellErrors(({ [key]: _, ...rest }) => rest);
    },
    [run, setUnits],
  );

  const columnDefs = useMemo<ColDef<Unit>[]>(() => {
    const errorClass = {
      'cell-error': (p: CellClassParams<Unit>) => Boolean(p.data && cellErrors[`${p.data.id}:${p.colDef.field}`]),
    };
    const editable = (field: EditableField, headerName: string, extra: Partial<ColDef<Unit>> = {}): ColDef<Unit> => ({
      field,
      headerName,
      editable: true,
      cellClassRules: errorClass,
      tooltipValueGetter: (p) => (p.data ? cellErrors[`${p.data.id}:${field}`] : undefined),
      ...extra,
    });
    return [
      { headerName: '序号', valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1, width: 72, sortable: false },
      editable('name', '单位名称', { flex: 2, minWidth: 200 }),
      editable('shortName', '简称', { flex: 1, minWidth: 110 }),
      editable('kind', '类别', {
        width: 130,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...UNIT_KINDS] },
        refData: UNIT_KIND_LABELS,
      }),
      editable('aliases', '别名（用顿号分隔）', {
        flex: 2,
        minWidth: 180,
        valueFormatter: (p) => (p.value as string[]).join('、'),
        valueParser: (p) => p.newValue,
        cellEditorParams: { useFormatter: true },
        equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
      }),
      editable('contactPerson', '联系人', { width: 110 }),
      editable('phone', '电话', { width: 150 }),
      editable('active', '启用', { width: 80, cellDataType: 'boolean' }),
      {
        headerName: '操作',
        width: 90,
        sortable: false,
        cellRenderer: (p: ICellRendererParams<Unit>) => (
          <button
            type="button"
            className="link danger-text"
            onClick={() => p.data && setDeleting(p.data)}
            aria-label={`删除${p.data?.name ?? ''}`}
          >
            删除
          </button>
        ),
      },
    ];
  }, [cellErrors]);

  const confirmDelete = async () => {
    const unit = deleting;
    setDeleting(null);
    if (!unit) return;
    const done = await run(() => invoke('units:delete', { id: unit.id }), {
      notice: `已删除“${unit.name}”并移入回收站，需要时可在“回收站”中还原。`,
    });
    if (done.ok) setUnits((list) => list?.filter((u) => u.id !== unit.id));
  };

  return (
    <section className="page page-grid">
      <div className="page-head">
        <h1>责任单位</h1>
        <div className="toolbar">
          <input
            type="search"
            placeholder="按名称、简称、别名查找"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            aria-label="查找责任单位"
          />
          <span className="muted">共 {units.length} 个单位</span>
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            新增单位
          </button>
        </div>
      </div>
      <PageMessages messages={messages} />
      <div className="grid-host" data-testid="units-grid">
        <AgGridReact<Unit>
          ref={gridRef}
          onRowDataUpdated={onRowDataUpdated}
          theme={gridTheme}
          rowData={units}
          columnDefs={columnDefs}
          getRowId={(p) => String(p.data.id)}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          quickFilterText={filter}
          localeText={gridLocaleText}
          tooltipShowDelay={200}
          stopEditingWhenCellsLoseFocus
          singleClickEdit={false}
          defaultColDef={{ resizable: true, sortable: true }}
        />
      </div>
      {adding && (
        <AddUnitDialog
          onCancel={() => setAdding(false)}
          onCreated={(unit) => {
            setAdding(false);
            revealId.current = unit.id;
            setUnits((list) => [...(list ?? []), unit]);
            tell(`已新增“${unit.name}”。`);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="删除责任单位"
          message={`确定删除“${deleting.name}”吗？该单位连同它的推进情况会移入回收站，需要时可以在“回收站”中还原。如该单位仍有任务，系统会拒绝删除并列出这些任务。`}
          confirmLabel="删除"
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
