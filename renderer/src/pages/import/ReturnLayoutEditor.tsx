// How a return's sheet was read (header row, which column holds what), for the clerk to correct.
import {
  RETURN_FIELD_LABELS,
  RETURN_FIELDS,
  type ReturnFieldName,
  type ReturnFileView,
} from '@shared/channels/returns';

export type LayoutChange = { headerRow?: number; field?: ReturnFieldName | ''; column?: number };

/** How a sheet was read (header row, column → field), for the clerk to correct. */
export function ReturnLayoutEditor({
  layout,
  onCorrect,
}: {
  layout: ReturnFileView['sheets'][number];
  onCorrect: (change: LayoutChange) => void;
}) {
  return (
    <details className="layout-editor">
      <summary>
        {layout.name}：第 {layout.headerRow} 行为表头
        {layout.source === 'remembered'
          ? '（沿用上次为该单位校正的列对应）'
          : layout.source === 'clerk'
            ? '（已按您的校正读取）'
            : ''}
        ，点此校正列对应
      </summary>
      <label>
        表头所在行
        <input
          type="number"
          min={1}
          max={50}
          defaultValue={layout.headerRow}
          aria-label={`${layout.name}表头所在行`}
          onBlur={(e) =>
            Number(e.target.value) !== layout.headerRow && onCorrect({ headerRow: Number(e.target.value) })
          }
        />
      </label>
      <div className="layout-columns">
        {layout.headers.map((h, c) => {
          const field = (Object.entries(layout.columns).find(([, col]) => col === c)?.[0] ?? '') as
            ReturnFieldName | '';
          return (
            <label key={c}>
              <span className="muted small">{h || `第 ${c + 1} 列`}</span>
              <select
                aria-label={`列“${h || c + 1}”对应`}
                value={field}
                onChange={(e) => onCorrect({ column: c, field: e.target.value as ReturnFieldName | '' })}
              >
                <option value="">不导入</option>
                {RETURN_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {RETURN_FIELD_LABELS[f]}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </details>
  );
}
