// Roster order after a member is dragged or moved a step, and a membership's term as text.
import type { GroupMember } from '@shared/domain';

/** The current roster's ids with one member moved to another's place (drag) or by one step (buttons). */
export function movedOrder(current: GroupMember[], movingId: number, toIndex: number): number[] | null {
  const ids = current.map((m) => m.id);
  const from = ids.indexOf(movingId);
  if (from < 0 || toIndex < 0 || toIndex >= ids.length || toIndex === from) return null;
  ids.splice(from, 1);
  ids.splice(toIndex, 0, movingId);
  return ids;
}

export function termText(m: GroupMember): string {
  if (m.validTo) return `${m.validFrom ?? '？'} 至 ${m.validTo}`;
  return m.validFrom ? `${m.validFrom} 起` : '';
}
