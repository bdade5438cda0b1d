// 任务清单 page: the ledger's tasks in an editable grid with filters, bulk edits, paste, 销号 and details.
import { rememberViewedDocument } from '../../viewedDocument';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type {
  CellEditRequestEvent,
  ColDef,
  GridApi,
  ICellRendererParams,
  RowClassParams,
  RowDragEndEvent,
} from 'ag-grid-community';
import { themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Drawer, Dropdown } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TaskListView } from '@shared/channels';
import { TASK_STATUSES, type Unit } from '@shared/domain';
import { invoke } from '../../api';
import { PageMessages } from '../../components/PageMessages';
import { useUndo } from '../../components/useUndo';
import { attempt, useLedgerAction } from '../../hooks/useLedgerAction';
import { useLedgerLoad } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { AddTaskDialog, type AddPosition } from './AddTaskDialog';
import { BulkEditDialog, type BulkField } from './BulkEditDialog';
import { CloseOutDialog } from './CloseOutDialog';
import { PasteDialog, type OverwriteContext } from './PasteDialog';
import { OVERWRITABLE_COLUMNS, type OverwriteColumn } from './pastePlan';
import { unpackTaskListView } from '@shared/packTaskList';
import { DeadlineEditor } from './DeadlineEditor';
import { DeadlineCell } from './DeadlineCell';
import { isUnreadDeadline, UNREAD_DEADLINE_HINT } from './unreadDeadline';
import { TaskDeleteDialog } from './TaskDeleteDialog';
import { TaskDetailPanel } from './TaskDetailPanel';
import {
  EMPTY_FILTER,
  filterGridRows,
  isFilterActive,
  toGridRows,
  type GridRow,
  type TaskFilter,
} from '@shared/taskListRows';
import { columnLayoutStore } from './columnLayoutStore';
import { ColumnMenu } from './ColumnMenu';
import { UnitPickerEditor } from './UnitPickerEditor';
import { useFittedRowHeights, WRAPPED_TEXT } from './fittedRowHeights';
import { WARNING_LABELS, WARNING_LEVELS } from '@shared/warningLevel';
import { WarningLight } from '../../components/WarningLight';
import { cellEdit } from './cellEdits';
import { useGridCopy } from './useGridCopy';
import { TASK_TEXT_LIMITS } from '@shared/textLimits';

const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 700,
  cellHorizontalPadding: 8,
});
const NO_UNITS: Unit[] = [];
const EDITABLE_STATUSES = TASK_STATUSES.filter((s) => s !== '已销号');
const OPTIONAL_COLUMNS = [
  { id: 'task', label: '重点任务', shown: true },
  { id: 'co', label: '配合单位', shown: true },
  { id: 'latest', label: '最新进展', shown: true },
  { id: 'notes', label: '备注', shown: false },
];

/** Enough to fill the window several times over; the rest follows. */
const FIRST_ROWS = 150;
/** In case the grid never reports its first rows (hidden window): load the rest anyway. */
const REST_DELAY_MS = 1500;

/** The task list (packed for the trip, see shared/packTaskList.ts) and the units, read side by side. */
const readTaskList = (first?: number): Promise<[TaskListView, Unit[]]> =>
  Promise.all([
    invoke('tasks:viewPacked', first === undefined ? {} : { first }).then(unpackTaskListView),
    invoke('units:list', {}),
  ]);

function SectionBanner(p: ICellRendererParams<GridRow>) {
  const s = p.data?.node;
  return <div className="section-banner">{s ? `${s.number}${s.title}` : ''}</div>;
}

export function TasksPage() {
  const [filter, setFilter] = useState<TaskFilter>(EMPTY_FILTER);
  const [current, setCurrent] = useState<GridRow | null>(null);
  const [selected, setSelected] = useState<GridRow[]>([]);
  const [showDetail, setShowDetail] = useState(false);
  const [detailVersion, setDetailVersion] = useState(0);
  const messages = usePageMessages();
  const { tell, fail, report } = messages;
  const action = useLedgerAction(messages);
  const { run } = action;
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState<AddPosition | null>(null);
  const [deleting, setDeleting] = useState<GridRow | null>(null);
  const [closingOut, setClosingOut] = useState(false);
  const [bulkField, setBulkField] = useState<BulkField | null>(null);
  const [pasting, setPasting] = useState<{ text: string; overwrite: OverwriteContext | null } | null>(null);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const loadingRestRef = useRef(false);
  const gridHostRef = useRef<HTMLDivElement | null>(null);
  const fitted = useFittedRowHeights(apiRef, gridHostRef);

  // The first visit opens on the first rows and loads the rest behind them: on a 10,000-item ledger
  // reading and sending every row takes about a second, and the clerk sees the top of the list first.
  const opened = useRef(false);
  // Asked for while the page is first rendered, not after it has mounted, so reading the ledger
  // overlaps with building the grid (see `npm run bench grid`).
  const [firstRequest] = useState(() => readTaskList(FIRST_ROWS));
  // The whole list is asked for as soon as the first rows have arrived: the main process reads and
  // sends it while this window builds the grid, instead of after (`npm run bench grid`). Asked with the
  // first rows it would be read before their answer is sent, and they would wait for it. Only the first
  // visit's rest takes it; any other read in between (an edit, 撤销) drops it as possibly stale.
  const restRequest = useRef<Promise<[TaskListView, Unit[]]> | null>(null);
  const takeRest = useRef(false);
  const load = useCallback(async (): Promise<[TaskListView, Unit[]]> => {
    if (!opened.current) {
      opened.current = true;
      const head = await firstRequest;
      // For npm run bench: separates the ledger round trip from rendering.
      performance.mark('duban:tasks-data');
      if (head[0].rows.length < head[0].total) {
        restRequest.current = readTaskList();
        // Read or dropped later; a failure is told by the read that takes it.
        restRequest.current.catch(() => undefined);
      }
      return head;
    }
    const prefetched = takeRest.current ? restRequest.current : null;
    takeRest.current = false;
    restRequest.current = null;
    const answer = await (prefetched ?? readTaskList());
    setDetailVersion((n) => n + 1);
    return answer;
  }, [firstRequest]);
  // Read again after every change made here and after 撤销/重做 (useUndo announces those).
  const tasks = useLedgerLoad(load, { onError: fail });
  const { reload } = tasks;
  const view = tasks.data?.[0] ?? null;
  const units = tasks.data?.[1] ?? NO_UNITS;
  /** The focused cell and the work items and columns shown from it: where an overwrite would land. */
  const overwriteContext = (): OverwriteContext | null => {
    const api = apiRef.current;
    const cell = api?.getFocusedCell();
    if (!api || !cell || cell.rowPinned) return null;
    const columns = api
      .getAllDisplayedColumns()
      .map((c) => c.getColId())
      .filter((id): id is OverwriteColumn => (OVERWRITABLE_COLUMNS as readonly string[]).includes(id));
    const start = columns.indexOf(cell.column.getColId() as OverwriteColumn);
    const first = api.getDisplayedRowAtIndex(cell.rowIndex)?.data;
    if (start < 0 || !first || first.kind !== 'item') return null;
    const targets = [];
    for (let i = cell.rowIndex; i < api.getDisplayedRowCount(); i++) {
      const d = api.getDisplayedRowAtIndex(i)?.data;
      if (d?.kind !== 'item') continue;
      const n = d.node;
      targets.push({
        id: n.id,
        shown: {
          number: n.number,
          content: n.content,
          lead: d.leadNames,
          co: d.coNames,
          deadline: n.deadline.text || n.deadline.date || '',
          status: n.status,
          notes: n.notes,
        },
      });
    }
    const label = cell.column.getColDef().headerName ?? '';
    return {
      startLabel: `第 ${first.node.number || cell.rowIndex + 1} 项的“${label}”`,
      columns: columns.slice(start),
      targets,
    };
  };

  // Ctrl+V on the list (not inside a field or a cell editor) opens the paste preview with what was copied.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      // An overwrite is planned against the rows shown; wait until they are all there.
      if (!text.trim() || loadingRestRef.current) return;
      e.preventDefault();
      setPasting({ text, overwrite: overwriteContext() });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
  useGridCopy(apiRef, gridHostRef, tell);
  const history = useUndo(report);
  const refreshHistory = history.refresh;
  // Every reload follows a change, so the 撤销/重做 labels are refreshed with it.
  useEffect(() => {
    void refreshHistory();
  }, [view, refreshHistory]);

  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const allRows = useMemo(() => (view ? toGridRows(view.rows, unitName) : []), [view, unitName]);

  // Arriving from the 首页 lists (#/tasks?focus=ID): show that work item with its details.
  useEffect(() => {
    const focus = Number(new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('focus'));
    if (!focus || allRows.length === 0) return;
    const row = allRows.find((r) => r.node.id === focus);
    if (!row) return;
    // The URL is outside React: the row it names can only be picked once the rows have arrived.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCurrent(row);
    setShowDetail(true);
    const api = apiRef.current;
    const node = api?.getRowNode(row.key);
    if (api && node) api.ensureNodeVisible(node, 'middle');
    window.history.replaceState(null, '', '#/tasks');
  }, [allRows]);
  const rows = useMemo(() => filterGridRows(allRows, filter), [allRows, filter]);
  const loadingRest = view !== null && view.rows.length < view.total;
  // Read by the grid's callbacks and the paste handler, which all run after this render is committed.
  useLayoutEffect(() => {
    loadingRestRef.current = loadingRest;
  }, [loadingRest]);
  // The rest is asked for once the first rows are on screen (onFirstDataRendered), so reading it does
  // not hold up their painting; or after a moment, should the grid never report them.
  const restAsked = useRef(false);
  const loadRest = useCallback(() => {
    if (!loadingRestRef.current || restAsked.current) return;
    restAsked.current = true;
    takeRest.current = true;
    void reload();
  }, [reload]);
  useEffect(() => {
    if (!loadingRest) return;
    const timer = window.setTimeout(loadRest, REST_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [loadingRest, loadRest]);
  const itemCount = (list: GridRow[]) => list.filter((r) => r.kind === 'item').length;

  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<GridRow>) => {
      const colId = e.column.getColId();
      const target = cellEdit(e.data, colId, e.newValue);
      if (!target) return;
      const key = `${e.data.key}:${colId}`;
      if ('refused' in target) {
        setCellErrors((m) => ({ ...m, [key]: target.refused }));
        e.api.refreshCells({ rowNodes: [e.node], force: true });
        return fail(target.refused);
      }
      await run(
        async () => {
          await invoke('tasks:update', { id: target.id, patch: target.patch });
          setCellErrors(({ [key]: _, ...rest }) => rest);
        },
        {
          reload,
          notice: '已保存。',
          onError: (message) => {
            setCellErrors((m) => ({ ...m, [key]: message }));
            e.api.refreshCells({ rowNodes: [e.node], force: true });
          },
        },
      );
    },
    [reload, run, fail],
  );

  const columnDefs = useMemo<ColDef<GridRow>[]>(() => {
    const editableItem = (p: { data?: GridRow }) => p.data?.kind === 'item';
    const errorRule = (colId: string) => ({
      'cell-error': (p: { data?: GridRow }) => Boolean(p.data && cellErrors[`${p.data.key}:${colId}`]),
    });
    const unitColumn = (
      ids: 'leadUnitIds' | 'coUnitIds',
      shown: 'lead' | 'co',
      label: string,
      width: number,
    ): ColDef<GridRow> => ({
      width,
      valueGetter: (p) => p.data?.node[ids],
      valueFormatter: (p) => (p.data ? WRAPPED_TEXT[shown](p.data) : ''),
      equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
      wrapText: true,
      editable: editableItem,
      cellEditor: UnitPickerEditor,
      cellEditorPopup: true,
      cellEditorParams: { units, label },
    });
    const base = (colId: string, headerName: string, extra: ColDef<GridRow>): ColDef<GridRow> => ({
      colId,
      headerName,
      cellClassRules: errorRule(colId),
      tooltipValueGetter: (p) => (p.data ? cellErrors[`${p.data.key}:${colId}`] : undefined),
      ...extra,
    });
    return [
      base('warning', '灯', {
        width: 76,
        valueGetter: (p) => p.data?.warning,
        cellRenderer: (p: ICellRendererParams<GridRow>) => p.data && <WarningLight level={p.data.warning} />,
      }),
      base('number', '序号', {
        width: 72,
        valueGetter: (p) => p.data?.node.number,
        editable: editableItem,
        rowDrag: (p) => p.data?.kind === 'item',
      }),
      base('task', '重点任务', {
        width: 150,
        valueGetter: (p) => (p.data?.task ? `${p.data.task.number}${p.data.task.title}` : ''),
        spanRows: ({ nodeA, nodeB }) => Boolean(nodeA?.data?.task && nodeA.data.task.id === nodeB?.data?.task?.id),
        wrapText: true,
        editable: true,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        // AG Grid's large text editor cuts at 200 characters unless told otherwise.
        cellEditorParams: { maxLength: TASK_TEXT_LIMITS.title * 10, rows: 4, cols: 60 },
        cellClass: 'task-cell',
      }),
      base('content', '工作内容', {
        flex: 3,
        minWidth: 240,
        valueGetter: (p) => p.data && WRAPPED_TEXT.content(p.data),
        wrapText: true,
        editable: editableItem,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        // Room beyond the limit, so a long text is refused with a message (cellEdit) rather than cut short.
        cellEditorParams: { maxLength: TASK_TEXT_LIMITS.content * 10, rows: 8, cols: 60 },
      }),
      base('lead', '牵头单位', unitColumn('leadUnitIds', 'lead', '牵头单位', 110)),
      base('co', '配合单位', unitColumn('coUnitIds', 'co', '配合单位', 140)),
      base('deadline', '完成时限', {
        width: 104,
        valueGetter: (p) => p.data && WRAPPED_TEXT.deadline(p.data),
        cellRenderer: DeadlineCell,
        tooltipValueGetter: (p) =>
          p.data
            ? (cellErrors[`${p.data.key}:deadline`] ??
              (p.data.kind === 'item' && isUnreadDeadline(p.data.node.deadline) ? UNREAD_DEADLINE_HINT : undefined))
            : undefined,
        wrapText: true,
        editable: editableItem,
        cellEditor: DeadlineEditor,
        cellEditorPopup: true,
      }),
      base('status', '状态', {
        width: 80,
        valueGetter: (p) => p.data?.node.status,
        editable: (p) => p.data?.kind === 'item' && p.data.node.status !== '已销号',
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: EDITABLE_STATUSES },
      }),
      base('latest', '最新进展', {
        flex: 2,
        minWidth: 170,
        valueGetter: (p) => p.data && WRAPPED_TEXT.latest(p.data),
        tooltipValueGetter: (p) =>
          p.data?.latest ? `${p.data.latest.roundName} · ${p.data.latest.unitName}` : undefined,
        wrapText: true,
      }),
      // Hidden until the clerk asks for it in 列: at 1366 px wide the other columns need the room.
      base('notes', '备注', {
        width: 120,
        hide: true,
        valueGetter: (p) => p.data && WRAPPED_TEXT.notes(p.data),
        wrapText: true,
        editable: editableItem,
      }),
    ];
  }, [cellErrors, units]);

  const where = (row: GridRow | null, what: string) => (row ? `位置：${what}` : '位置：清单末尾');
  const startAdd = (level: AddPosition['level']) => {
    const row = current;
    if (level === 'section') {
      setAdding({
        level,
        parentId: null,
        afterId: row?.section?.id,
        where: where(row?.section ? row : null, `“${row?.section?.title ?? ''}”之后`),
      });
    } else if (level === 'task') {
      if (!row?.section) return fail('请先点选一行，新的重点任务将加在它所在的部分中。');
      setAdding({
        level,
        parentId: row.section.id,
        afterId: row.task?.id,
        where: `位置：“${row.section.title}”中，“${row.task?.title ?? ''}”之后`,
      });
    } else {
      if (!row?.task) return fail('请先点选一行，新的工作内容将加在它所属的重点任务下。');
      setAdding({
        level,
        parentId: row.task.id,
        afterId: row.kind === 'item' ? row.node.id : undefined,
        where: `位置：重点任务“${row.task.title}”下`,
      });
    }
  };

  // The dialogs below show their own error and stay open; once the write is done they close, the list is
  // read again and the notice follows, so what it announces is already on screen.
  const confirmDelete = (id: number): Promise<string | null> =>
    attempt(async () => {
      const { deleted } = await invoke('tasks:delete', { id });
      setDeleting(null);
      setCurrent(null);
      await reload();
      tell(`已删除 ${deleted} 项并移入回收站，需要时可在“回收站”中还原，或点“撤销”。`);
    });

  const closeOut = (closedBy: string, closedOn: string): Promise<string | null> =>
    attempt(async () => {
      const done = await invoke('tasks:closeOut', { ids: selected.map((r) => r.node.id), closedBy, closedOn });
      setClosingOut(false);
      apiRef.current?.deselectAll();
      await reload();
      tell(`已销号 ${done.length} 项。`);
    });

  const bulkUpdate = (patch: Record<string, unknown>): Promise<string | null> =>
    attempt(async () => {
      const { updated } = await invoke('tasks:bulkUpdate', { ids: selected.map((r) => r.node.id), patch });
      setBulkField(null);
      await reload();
      tell(`已批量设置 ${updated} 项。`);
    });

  const runStructural = (change: () => Promise<unknown>, message: string) => run(change, { reload, notice: message });

  /** Siblings in the ledger's order: items of the same 重点任务, or tasks of the same 部分. */
  const siblingsOf = (row: GridRow) =>
    (view?.rows ?? []).map((r) => r.task).filter((t) => t.parentId === row.node.parentId && t.level === row.node.level);

  const shift = (delta: -1 | 1) => {
    const row = current;
    if (!row || row.kind === 'section') return fail('请先点选要移动的工作内容或重点任务。');
    const siblings = siblingsOf(row);
    const index = siblings.findIndex((t) => t.id === row.node.id) + delta;
    if (index < 0 || index >= siblings.length) return tell(delta < 0 ? '已经是第一项。' : '已经是最后一项。');
    void runStructural(
      () => invoke('tasks:move', { id: row.node.id, parentId: row.node.parentId, index }),
      delta < 0 ? '已上移。' : '已下移。',
    );
  };

  const changeLevel = (direction: 'in' | 'out') => {
    const row = current;
    if (!row || row.kind === 'section') return fail('请先点选要升级或降级的行。');
    void runStructural(
      () => invoke('tasks:changeLevel', { id: row.node.id, direction }),
      direction === 'out' ? '已升为重点任务。' : '已降为工作内容。',
    );
  };

  /** Dropped on a work item: the dragged item takes its place, in that item's 重点任务. */
  const onRowDragEnd = (e: RowDragEndEvent<GridRow>) => {
    const moving = e.node.data;
    const over = e.overNode?.data;
    if (!moving || !over || over.kind !== 'item' || over.key === moving.key || !over.task) return;
    const siblings = (view?.rows ?? [])
      .map((r) => r.task)
      .filter((t) => t.parentId === over.task!.id && t.id !== moving.node.id);
    const downward = (e.overNode?.rowIndex ?? 0) > (e.node.rowIndex ?? 0) && over.task.id === moving.task?.id;
    const index = siblings.findIndex((t) => t.id === over.node.id) + (downward ? 1 : 0);
    void runStructural(() => invoke('tasks:move', { id: moving.node.id, parentId: over.task!.id, index }), '已移动。');
  };

  /** Less-used actions, kept in 更多 so the toolbar stays on one line at 1366 px. */
  const moreActions: Record<string, () => void> = {
    task: () => startAdd('task'),
    section: () => startAdd('section'),
    out: () => changeLevel('out'),
    in: () => changeLevel('in'),
  };

  const setF = <K extends keyof TaskFilter>(k: K, v: TaskFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  const layout = columnLayoutStore('tasks');

  return (
    <section className="page page-grid">
      <div className="page-head">
        <h1>任务清单</h1>
        <div className="toolbar">
          <button
            type="button"
            disabled={!history.state.undo}
            title={history.state.undo ? `撤销：${history.state.undo}（Ctrl+Z）` : '没有可撤销的操作'}
            onClick={history.undo}
          >
            撤销
          </button>
          <button
            type="button"
            disabled={!history.state.redo}
            title={history.state.redo ? `重做：${history.state.redo}（Ctrl+Y）` : '没有可重做的操作'}
            onClick={history.redo}
          >
            重做
          </button>
          <button type="button" onClick={() => startAdd('item')}>
            新增工作内容
          </button>
          <button
            type="button"
            disabled={loadingRest}
            // The button only ever adds; overwriting cells is offered on Ctrl+V over a focused cell.
            onClick={() => setPasting({ text: '', overwrite: null })}
            title="从 Excel/WPS 复制后，在清单上按 Ctrl+V 也可打开"
          >
            粘贴新增
          </button>
          <span className="button-group" role="group" aria-label="调整位置">
            <button type="button" title="上移" aria-label="上移" onClick={() => shift(-1)}>
              ↑
            </button>
            <button type="button" title="下移" aria-label="下移" onClick={() => shift(1)}>
              ↓
            </button>
          </span>
          <button type="button" disabled={!current} onClick={() => current && setDeleting(current)}>
            删除
          </button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'task', label: '新增重点任务' },
                { key: 'section', label: '新增部分' },
                { type: 'divider' },
                { key: 'out', label: '升级：工作内容升为重点任务' },
                { key: 'in', label: '降级：重点任务降为上一重点任务的工作内容' },
              ],
              onClick: ({ key }) => moreActions[key]?.(),
            }}
          >
            <button type="button">更多 ▾</button>
          </Dropdown>
          <select
            aria-label="批量设置"
            value=""
            disabled={selected.length === 0}
            onChange={(e) => e.target.value && setBulkField(e.target.value as BulkField)}
          >
            <option value="">批量设置{selected.length > 0 ? `（${selected.length}）` : ''}</option>
            <option value="deadlineText">完成时限</option>
            <option value="leadUnitIds">牵头单位</option>
            <option value="coUnitIds">配合单位</option>
            <option value="status">状态</option>
          </select>
          <button type="button" disabled={selected.length === 0} onClick={() => setClosingOut(true)}>
            销号{selected.length > 0 ? `（${selected.length}）` : ''}
          </button>
          <button type="button" aria-pressed={showDetail} onClick={() => setShowDetail((s) => !s)}>
            {showDetail ? '隐藏详情' : '显示详情'}
          </button>
          <ColumnMenu
            columns={OPTIONAL_COLUMNS}
            isVisible={(id, shown) => layout.isVisible(id, shown)}
            onToggle={(id, visible) => apiRef.current?.setColumnsVisible([id], visible)}
          />
        </div>
      </div>
      <div className="filters" role="search" aria-label="筛选任务">
        {view && view.documents.length > 1 && (
          <select
            aria-label="按文件筛选"
            value={filter.documentId ?? ''}
            onChange={(e) => {
              const documentId = e.target.value ? Number(e.target.value) : null;
              rememberViewedDocument(documentId);
              setF('documentId', documentId);
            }}
          >
            <option value="">全部文件</option>
            {view.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.docNumber ? `${d.docNumber} ` : ''}
                {d.title}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label="按单位筛选"
          value={filter.unitId ?? ''}
          onChange={(e) => setF('unitId', e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">全部单位</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <select
          aria-label="按状态筛选"
          value={filter.status}
          onChange={(e) => setF('status', e.target.value as TaskFilter['status'])}
        >
          <option value="">全部状态</option>
          {[...TASK_STATUSES, '逾期'].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label="按红黄绿灯筛选"
          value={filter.warning}
          onChange={(e) => setF('warning', e.target.value as TaskFilter['warning'])}
        >
          <option value="">全部灯色</option>
          {WARNING_LEVELS.map((w) => (
            <option key={w} value={w}>
              {WARNING_LABELS[w]}
            </option>
          ))}
        </select>
        <label className="muted">
          时限
          <input
            type="date"
            aria-label="时限起"
            value={filter.deadlineFrom}
            onChange={(e) => setF('deadlineFrom', e.target.value)}
          />
          至
          <input
            type="date"
            aria-label="时限止"
            value={filter.deadlineTo}
            onChange={(e) => setF('deadlineTo', e.target.value)}
          />
        </label>
        <input
          type="search"
          aria-label="搜索任务"
          placeholder="搜索内容、进展、备注"
          value={filter.text}
          onChange={(e) => setF('text', e.target.value)}
        />
        {isFilterActive(filter) && (
          <button type="button" className="link" onClick={() => setFilter(EMPTY_FILTER)}>
            清除筛选
          </button>
        )}
        <span className="muted" data-testid="task-count">
          {loadingRest
            ? `正在载入全部 ${view?.total ?? ''} 行…`
            : `显示 ${itemCount(rows)} / ${itemCount(allRows)} 项工作内容`}
        </span>
      </div>
      <PageMessages messages={messages} />
      <div className="grid-and-panel">
        <div className="grid-host" data-testid="tasks-grid" ref={gridHostRef}>
          <AgGridReact<GridRow>
            theme={gridTheme}
            rowData={rows}
            columnDefs={columnDefs}
            getRowId={(p) => p.data.key}
            readOnlyEdit
            onCellEditRequest={onCellEditRequest}
            // As in Excel: Enter after an edit saves and moves to the cell below.
            enterNavigatesVerticallyAfterEdit
            enableCellSpan
            isFullWidthRow={(p) => p.rowNode.data?.kind === 'section'}
            fullWidthCellRenderer={SectionBanner}
            getRowHeight={fitted.getRowHeight}
            rowSelection={{
              mode: 'multiRow',
              checkboxes: true,
              headerCheckbox: true,
              isRowSelectable: (n) => n.data?.kind === 'item',
            }}
            onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
            onRowClicked={(e) => e.data && setCurrent(e.data)}
            getRowClass={(p: RowClassParams<GridRow>) =>
              p.data && current && p.data.key === current.key ? 'row-current' : undefined
            }
            localeText={AG_GRID_LOCALE_CN}
            tooltipShowDelay={300}
            stopEditingWhenCellsLoseFocus
            defaultColDef={{ resizable: true, sortable: false, suppressMovable: false }}
            onGridReady={(e) => {
              apiRef.current = e.api;
              layout.restore(e.api);
            }}
            onFirstDataRendered={() => {
              fitted.fitShownRows();
              loadRest();
            }}
            onViewportChanged={fitted.fitShownRows}
            onRowDataUpdated={fitted.fitShownRows}
            onGridSizeChanged={fitted.refitAll}
            onRowDragEnd={onRowDragEnd}
            onColumnResized={(e) => {
              if (!e.finished) return;
              layout.save(e.api);
              fitted.refitAll();
            }}
            onColumnVisible={(e) => {
              layout.save(e.api);
              fitted.refitAll();
            }}
            onColumnMoved={(e) => e.finished && layout.save(e.api)}
          />
        </div>
        {/* Over the grid, not beside it: beside it squeezed 完成时限/状态/最新进展 off screen at 1366 px. */}
        <Drawer
          open={showDetail && current !== null && current.kind !== 'section'}
          placement="right"
          size={420}
          mask={false}
          closable={false}
          getContainer={false}
          styles={{ body: { padding: 0 } }}
        >
          {showDetail && current && current.kind !== 'section' && (
            <TaskDetailPanel
              latest={WRAPPED_TEXT.latest(current)}
              taskId={current.node.id}
              units={units}
              version={detailVersion}
              onClose={() => setShowDetail(false)}
            />
          )}
        </Drawer>
      </div>
      {adding && (
        <AddTaskDialog
          position={adding}
          units={units}
          onCancel={() => setAdding(null)}
          onCreated={async () => {
            setAdding(null);
            await reload();
            tell('已新增。');
          }}
        />
      )}
      {deleting && (
        <TaskDeleteDialog
          row={deleting}
          allRows={allRows}
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        />
      )}
      {pasting !== null && (
        <PasteDialog
          initialText={pasting.text}
          overwrite={pasting.overwrite}
          units={units}
          currentTask={current?.task ?? null}
          section={current?.section ?? null}
          sectionTasks={allRows.filter((r) => r.task && r.section?.id === current?.section?.id).map((r) => r.task!)}
          onCancel={() => setPasting(null)}
          onDone={async (message) => {
            setPasting(null);
            await reload();
            tell(message);
          }}
        />
      )}
      {bulkField && (
        <BulkEditDialog
          field={bulkField}
          count={selected.length}
          units={units}
          onCancel={() => setBulkField(null)}
          onConfirm={bulkUpdate}
        />
      )}
      {closingOut && view && (
        <CloseOutDialog
          count={selected.length}
          today={view.today}
          onCancel={() => setClosingOut(false)}
          onConfirm={closeOut}
        />
      )}
    </section>
  );
}
