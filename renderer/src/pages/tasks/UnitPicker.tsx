// Picks units from the keyboard as a clerk types them: filter by any name, ↑/↓ to move, Enter adds, Backspace removes.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Unit } from '@shared/domain';
import { UNIT_KIND_LABELS } from '@shared/domain';
import { unitMatches } from '@shared/unitNames';

/**
 * The search box and the list of units shared by the grid's unit editor and the 批量设置 dialog. Picked units
 * keep the order they were picked in, since the first 牵头单位 leads.
 *
 * Keys are caught on the search box itself, before they bubble to the grid or the form around it: AG Grid
 * listens for Enter on the editor's popup and would close it before React saw the key (the pick was lost),
 * and a form would submit. Enter is kept only while the clerk is choosing (a query typed or a unit
 * highlighted); on an empty search it goes on to the grid (save, move down) or the form (submit), and Tab
 * and Escape always do.
 */
export function UnitPicker(props: {
  units: Unit[];
  label: string;
  value: number[];
  onChange: (ids: number[]) => void;
  listClassName?: string;
}) {
  const { units, value, onChange } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const idBase = useId();
  const shown = useMemo(() => units.filter((u) => u.active && unitMatches(u, query)), [units, query]);
  const name = (id: number) => units.find((u) => u.id === id)?.name ?? `#${id}`;
  const toggle = (id: number) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id]);

  const onKey = (e: KeyboardEvent) => {
    const stop = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      stop();
      if (shown.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a === null ? (step > 0 ? 0 : shown.length - 1) : (a + step + shown.length) % shown.length));
    } else if (e.key === 'Enter' && (query || active !== null)) {
      stop();
      const unit = shown[active ?? 0];
      if (unit && !value.includes(unit.id)) onChange([...value, unit.id]);
      setQuery('');
      setActive(null);
    } else if (e.key === 'Backspace' && !query && value.length > 0) {
      stop();
      onChange(value.slice(0, -1));
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      // Editing the query: the grid must not take Delete/Backspace as "clear the cell".
      e.stopPropagation();
    }
  };
  // Bound natively on the search box (see above), again after each render so it reads the latest state; bound
  // as the box is mounted and takes the focus, so a key pressed at once is not missed.
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.addEventListener('keydown', onKey);
    return () => input.removeEventListener('keydown', onKey);
  });
  // The highlighted unit stays in view while ↑/↓ walk a list longer than its box.
  useEffect(() => {
    if (active === null) return;
    listRef.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const optionId = (i: number) => `${idBase}-option-${i}`;
  return (
    <div className="unit-picker">
      <div className="picker-selected" aria-label={`已选${props.label}`}>
        {value.length === 0 ? (
          <span className="muted">未选择</span>
        ) : (
          value.map((id) => (
            <button
              key={id}
              type="button"
              tabIndex={-1}
              className="chip"
              onClick={() => toggle(id)}
              title="点击移除；在空的筛选框中按退格键也可移除最后一个"
            >
              {name(id)} ×
            </button>
          ))
        )}
      </div>
      <input
        ref={inputRef}
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-autocomplete="list"
        aria-controls={`${idBase}-list`}
        aria-activedescendant={active !== null && shown[active] ? optionId(active) : undefined}
        placeholder="输入名称、简称或别名筛选"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(e.target.value ? 0 : null);
        }}
        aria-label={`筛选${props.label}`}
      />
      <ul
        ref={listRef}
        id={`${idBase}-list`}
        className={`picker-list ${props.listClassName ?? ''}`}
        role="listbox"
        aria-label={props.label}
        aria-multiselectable="true"
      >
        {shown.length === 0 && <li className="muted picker-empty">没有符合的单位</li>}
        {shown.map((u, i) => (
          <li
            key={u.id}
            id={optionId(i)}
            role="option"
            aria-selected={value.includes(u.id)}
            className={i === active ? 'picker-active' : undefined}
          >
            <label className="picker-option">
              <input
                type="checkbox"
                tabIndex={-1}
                checked={value.includes(u.id)}
                onChange={() => {
                  toggle(u.id);
                  inputRef.current?.focus();
                }}
              />
              <span className="picker-name">
                {u.name}
                {u.shortName && <span className="muted">（{u.shortName}）</span>}
              </span>
              <span className="muted picker-kind">{UNIT_KIND_LABELS[u.kind]}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
