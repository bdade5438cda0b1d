// 列: which optional columns of the task list are shown, in a popover that floats over the grid.
import { Popover } from 'antd';

export interface OptionalColumn {
  id: string;
  label: string;
  shown: boolean;
}

/**
 * A floating popover rather than an inline <details>: opened inline, its boxes pushed the toolbar onto a
 * second line and the grid jumped down by about 110 px.
 */
export function ColumnMenu(props: {
  columns: OptionalColumn[];
  isVisible: (id: string, shownByDefault: boolean) => boolean;
  onToggle: (id: string, visible: boolean) => void;
}) {
  const content = (
    <div className="column-menu-list" role="group" aria-label="显示的列">
      {props.columns.map((c) => (
        <label key={c.id}>
          <input
            type="checkbox"
            defaultChecked={props.isVisible(c.id, c.shown)}
            onChange={(e) => props.onToggle(c.id, e.target.checked)}
          />
          {c.label}
        </label>
      ))}
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <button type="button">列</button>
    </Popover>
  );
}
