// 撤销/重做 buttons of one page, each naming the step it would take (撤销：新增领导小组成员 张三).
import { Button, Space, Tooltip } from 'antd';
import type { UndoOutcome } from '@shared/channels/undo';

export function UndoButtons({
  state,
  undo,
  redo,
}: {
  state: UndoOutcome;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}) {
  return (
    <Space.Compact>
      <Tooltip title={state.undo ? `撤销：${state.undo}（Ctrl+Z）` : '没有可撤销的操作'}>
        <Button
          autoInsertSpace={false}
          disabled={!state.undo}
          onClick={() => void undo()}
          aria-label={state.undo ? `撤销：${state.undo}` : '撤销'}
        >
          撤销
        </Button>
      </Tooltip>
      <Tooltip title={state.redo ? `重做：${state.redo}（Ctrl+Y）` : '没有可重做的操作'}>
        <Button
          autoInsertSpace={false}
          disabled={!state.redo}
          onClick={() => void redo()}
          aria-label={state.redo ? `重做：${state.redo}` : '重做'}
        >
          重做
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
