// The grid's 完成时限 editor: free words or the common ones (长期坚持, 每季度…) a click each.
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef } from 'react';

/** The words clerks use, one click each; the main process understands them and keeps them as written. */
const QUICK_WORDS = ['年底前', '季度末', '每季度', '每半年', '每年', '长期坚持'];

export function DeadlineEditor(props: CustomCellEditorProps<unknown, string>) {
  // Typing on a focused cell starts the editor: as in Excel, the typed character begins the new text.
  const typed = useRef(props.eventKey?.length === 1 ? props.eventKey : null);
  const { onValueChange } = props;
  useEffect(() => {
    if (typed.current === null) return;
    onValueChange(typed.current);
    typed.current = null;
  }, [onValueChange]);
  const text = props.value ?? '';
  const isoDate = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : '';
  return (
    <div className="picker deadline-editor" role="dialog" aria-label="完成时限">
      <label className="muted">
        完成时限（原文照录，如“2025年底前”“每季度”）
        <input
          autoFocus
          value={text}
          onChange={(e) => props.onValueChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              props.stopEditing();
            }
          }}
          aria-label="完成时限文字"
        />
      </label>
      <div className="chips">
        {QUICK_WORDS.map((w) => (
          <button key={w} type="button" className="chip" onClick={() => props.onValueChange(w)}>
            {w}
          </button>
        ))}
      </div>
      <label className="muted">
        或选择日期
        <input
          type="date"
          value={isoDate}
          onChange={(e) => props.onValueChange(e.target.value)}
          aria-label="完成日期"
        />
      </label>
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
