// The grid's unit editor: pick one or more units by name, short name or alias, the first picked leading.
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { Unit } from '@shared/domain';
import { UNIT_KIND_LABELS } from '@shared/domain';
import { unitMatches } from '@shared/unitNames';

export interface UnitPickerParams {
  units: Unit[];
  label: string;
}

/**
 * Pick one or more units, typing to filter by name, short name or alias (县医保局 finds 县医疗保障局).
 * Order matters for 牵头单位: the first ticked leads, so ticked units keep the order they were ticked in.
 */
export function UnitPickerEditor(props: CustomCellEditorProps<unknown, number[]> & UnitPickerParams) {
  const selected = props.value ?? [];
  const [query, setQuery] = useState('');
  const shown = useMemo(() => props.units.filter((u) => u.active && unitMatches(u, query)), [props.units, query]);
  const toggle = (id: number) =>
    props.onValueChange(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const name = (id: number) => props.units.find((u) => u.id === id)?.name ?? `#${id}`;
  return (
    <div className="picker" role="dialog" aria-label={`选择${props.label}`}>
      <div className="picker-selected">
        {selected.length === 0 ? (
          <span className="muted">未选择</span>
        ) : (
          selected.map((id) => (
            <button key={id} type="button" className="chip" onClick={() => toggle(id)} title="点击移除">
              {name(id)} ×
            </button>
          ))
        )}
      </div>
      <input
        autoFocus
        placeholder="输入名称、简称或别名筛选"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0] && query) {
            e.preventDefault();
            e.stopPropagation();
            toggle(shown[0].id);
            setQuery('');
          }
        }}
        aria-label={`筛选${props.label}`}
      />
      <ul className="picker-list" role="listbox" aria-multiselectable="true">
        {shown.map((u) => (
          <li key={u.id} role="option" aria-selected={selected.includes(u.id)}>
            <label>
              <input type="checkbox" checked={selected.includes(u.id)} onChange={() => toggle(u.id)} />
              {u.name}
              {u.shortName && <span className="muted">（{u.shortName}）</span>}
              <span className="muted picker-kind">{UNIT_KIND_LABELS[u.kind]}</span>
            </label>
          </li>
        ))}
      </ul>
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
