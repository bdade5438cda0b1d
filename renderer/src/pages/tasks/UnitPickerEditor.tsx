// The grid's unit editor: the keyboard unit picker in a popup, with 取消/确定 for the mouse.
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { Unit } from '@shared/domain';
import { UnitPicker } from './UnitPicker';

export interface UnitPickerParams {
  units: Unit[];
  label: string;
}

/**
 * Pick one or more units for a 牵头单位/配合单位 cell. From the keyboard: type, ↑/↓, Enter adds, Backspace
 * removes the last, then Enter on the empty search (or Tab) saves as in Excel and Escape leaves the cell as it was.
 */
export function UnitPickerEditor(props: CustomCellEditorProps<unknown, number[]> & UnitPickerParams) {
  return (
    <div className="picker" role="dialog" aria-label={`选择${props.label}`}>
      <UnitPicker
        units={props.units}
        label={props.label}
        value={props.value ?? []}
        onChange={(ids) => props.onValueChange(ids)}
      />
      <div className="picker-hint muted">
        ↑↓ 选择 · 回车添加 · 退格移除最后一个
        <br />
        空框时回车保存 · Tab 保存并到下一格 · Esc 取消
      </div>
      <div className="picker-actions">
        <button type="button" onClick={() => props.stopEditing(true)}>
          取消
        </button>
        <button type="button" className="primary" onClick={() => props.stopEditing()}>
          确定
        </button>
      </div>
    </div>
  );
}
