// 成员单位职责: which member unit does what for the group, edited in a grid.
import { gridLocaleText, gridTheme } from '../../theme/gridTheme';
import type { CellClassParams, CellEditRequestEvent, ColDef, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { GroupDuty, Unit } from '@shared/domain';
import { errorMessage, invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';

type Report = (notice: string, error: string) => void;

/** 成员单位职责: which unit does what for the group. */
export function DutiesSection(props: {
  groupId: number;
  duties: GroupDuty[];
  units: Unit[];
  onDuties: (d: GroupDuty[]) => void;
  report: Report;
}) {
  const { groupId, duties, units, onDuties, report } = props;
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState({ unitId: '', duty: '' });
  const [deleting, setDeleting] = useState<GroupDuty | null>(null);
  const unitRef = useMemo(() => Object.fromEntries(units.map((u) => [String(u.id), u.name])), [units]);

  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<GroupDuty>) => {
      const col = event.colDef.colId ?? '';
      const key = `${event.data.id}:${col}`;
      const patch = col === 'unit' ? { unitId: Number(event.newValue) } : { duty: String(event.newValue ?? '') };
      try {
        const updated = await invoke('groups:updateDuty', { id: event.data.id, patch });
        onDuties(duties.map((d) => (d.id === updated.id ? updated : d)));
        setCellErrors(({ [key]: _, ...rest }) => rest);
        report(`已保存“${updated.unitName}”的职责。`, '');
      } catch (err) {
        const message = errorMessage(err);
        setCellErrors((errors) => ({ ...errors, [key]: message }));
        report('', message);
        event.api.refreshCells({ rowNodes: [event.node], force: true });
      }
    },
    [duties, onDuties, report],
  );

  const columnDefs = useMemo<ColDef<GroupDuty>[]>(() => {
    const errorRule = (col: string) => ({
      'cell-error': (p: CellClassParams<GroupDuty>) => Boolean(p.data && cellErrors[`${p.data.id}:${col}`]),
    });
    return [
      { colId: 'order', headerName: '序号', width: 72, valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1 },
      {
        colId: 'unit',
        headerName: '成员单位',
        width: 220,
        editable: true,
        // A duty whose unit was deleted still shows the name copied beside it.
        valueGetter: (p) => (p.data?.unitId != null ? String(p.data.unitId) : ''),
        valueFormatter: (p) => unitRef[p.value as string] ?? p.data?.unitName ?? '',
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: Object.keys(unitRef), valueListMaxHeight: 260 },
        refData: unitRef,
        cellClassRules: errorRule('unit'),
      },
      {
        colId: 'duty',
        field: 'duty',
        headerName: '职责',
        flex: 1,
        editable: true,
        wrapText: true,
        autoHeight: true,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        cellEditorParams: { maxLength: 1000, rows: 6, cols: 60 },
        cellClassRules: errorRule('duty'),
        tooltipValueGetter: (p) => (p.data ? cellErrors[`${p.data.id}:duty`] : undefined),
      },
      {
        colId: 'actions',
        headerName: '操作',
        width: 80,
        cellRenderer: (p: ICellRendererParams<GroupDuty>) => (
          <button
            type="button"
            className="link danger-text"
            onClick={() => p.data && setDeleting(p.data)}
            aria-label={`删除职责：${p.data?.unitName ?? ''}`}
          >
            删除
          </button>
        ),
      },
    ];
  }, [cellErrors, unitRef]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.unitId) return report('', '请先选择成员单位。');
    try {
      const created = await invoke('groups:addDuty', { groupId, unitId: Number(draft.unitId), duty: draft.duty });
      onDuties([...duties, created]);
      setDraft({ unitId: '', duty: '' });
      report(`已新增“${created.unitName}”的职责。`, '');
    } catch (err) {
      report('', errorMessage(err));
    }
  };

  const confirmDelete = async () => {
    const d = deleting;
    setDeleting(null);
    if (!d) return;
    try {
      await invoke('groups:deleteDuty', { id: d.id });
      onDuties(duties.filter((x) => x.id !== d.id));
      report(`已删除“${d.unitName}”的职责。`, '');
    } catch (err) {
      report('', errorMessage(err));
    }
  };

  return (
    <div className="duties">
      <div className="section-head">
        <h2>成员单位职责</h2>
        <form className="toolbar" onSubmit={add} aria-label="新增职责">
          <select
            value={draft.unitId}
            onChange={(e) => setDraft((d) => ({ ...d, unitId: e.target.value }))}
            aria-label="成员单位"
          >
            <option value="">选择成员单位</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <input
            className="duty-input"
            value={draft.duty}
            onChange={(e) => setDraft((d) => ({ ...d, duty: e.target.value }))}
            placeholder="职责内容"
            aria-label="职责内容"
          />
          <button type="submit">新增职责</button>
        </form>
      </div>
      <div className="grid-host duties-grid" data-testid="duties-grid">
        <AgGridReact<GroupDuty>
          theme={gridTheme}
          overlayNoRowsTemplate="暂无成员单位职责。在上方选择成员单位、填写职责后点“新增职责”。"
          rowData={duties}
          columnDefs={columnDefs}
          getRowId={(p) => String(p.data.id)}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          localeText={gridLocaleText}
          tooltipShowDelay={200}
          stopEditingWhenCellsLoseFocus
          defaultColDef={{ resizable: true, sortable: false }}
        />
      </div>
      {deleting && (
        <ConfirmDialog
          title="删除职责"
          message={`确定删除“${deleting.unitName}”的这项职责吗？`}
          confirmLabel="删除"
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
