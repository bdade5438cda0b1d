// Row → domain mapping for the ledger tables, from their declarations in entities.ts, so every repository reads alike.
import type {
  GroupDuty,
  GroupMember,
  LeadershipGroup,
  PolicyDocument,
  ProgressReport,
  ProgressRound,
  TaskNode,
  Unit,
} from '../../../shared/domain';
import { ENTITIES, stateOfRow, type Entity } from '../entities';

type Row = Record<string, unknown>;

function domain<T>(e: Entity, r: unknown): T {
  return stateOfRow(e, r as Row) as T;
}

export const toUnit = (r: unknown): Unit => domain(ENTITIES.unit, r);
export const toDocument = (r: unknown): PolicyDocument => domain(ENTITIES.policy_document, r);
export const toGroup = (r: unknown): LeadershipGroup => domain(ENTITIES.leadership_group, r);
export const toMember = (r: unknown): GroupMember => domain(ENTITIES.group_member, r);
export const toDuty = (r: unknown): GroupDuty => domain(ENTITIES.group_duty, r);
export const toRound = (r: unknown): ProgressRound => domain(ENTITIES.progress_round, r);
export const toReport = (r: unknown): ProgressReport => domain(ENTITIES.progress_report, r);

export function toTask(r: unknown, leadUnitIds: number[], coUnitIds: number[]): TaskNode {
  return { ...domain<Omit<TaskNode, 'leadUnitIds' | 'coUnitIds'>>(ENTITIES.task, r), leadUnitIds, coUnitIds };
}
