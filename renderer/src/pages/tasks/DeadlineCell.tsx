// The 完成时限 cell: the clerk's words as written, marked ⚠ where they could not be read as a date.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridRow } from '@shared/taskListRows';
import { isUnreadDeadline, UNREAD_DEADLINE_HINT } from './unreadDeadline';

export function DeadlineCell(props: CustomCellRendererProps<GridRow, string>) {
  const deadline = props.data?.kind === 'item' ? props.data.node.deadline : null;
  return (
    <>
      {props.value ?? ''}
      {deadline && isUnreadDeadline(deadline) && (
        // The words of the hint come with AG Grid's tooltip on hover; the label lets a screen reader say them.
        <span className="deadline-unread" role="img" aria-label={UNREAD_DEADLINE_HINT}>
          {' '}
          ⚠
        </span>
      )}
    </>
  );
}
