// Row ↔ domain mapping for the ledger tables, kept in one place so every repository reads alike.
import type { Deadline, GroupDuty, GroupMember, LeadershipGroup, PolicyDocument, ProgressReport, ProgressRound, TaskNode, Unit } from '../../../shared/domain';


export function toUnit(r: any): Unit {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    aliases: JSON.parse(r.aliases),
    contactPerson: r.contact_person,
    phone: r.phone,
    active: r.active === 1,
    sortOrder: r.sort_order,
  };
}

export function toDocument(r: any): PolicyDocument {
  return { id: r.id, title: r.title, docNumber: r.doc_number, issuer: r.issuer, issuedOn: r.issued_on };
}

export function toDeadline(r: any): Deadline {
  return { date: r.deadline_date, recurrence: r.deadline_recurrence, ongoing: r.deadline_ongoing === 1, text: r.deadline_text };
}

export function toTask(r: any, leadUnitIds: number[], coUnitIds: number[]): TaskNode {
  return {
    id: r.id,
    parentId: r.parent_id,
    documentId: r.document_id,
    level: r.level,
    number: r.number,
    title: r.title,
    content: r.content,
    targets: JSON.parse(r.targets),
    leadUnitIds,
    coUnitIds,
    deadline: toDeadline(r),
    status: r.status,
    closedBy: r.closed_by,
    closedOn: r.closed_on,
    notes: r.notes,
    sortOrder: r.sort_order,
  };
}

export function toGroup(r: any): LeadershipGroup {
  return {
    id: r.id,
    name: r.name,
    documentId: r.document_id,
    officeUnitId: r.office_unit_id,
    officeDirector: r.office_director,
    establishedOn: r.established_on,
  };
}

export function toMember(r: any): GroupMember {
  return {
    id: r.id,
    groupId: r.group_id,
    role: r.role,
    personName: r.person_name,
    post: r.post,
    unitId: r.unit_id,
    sortOrder: r.sort_order,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

export function toDuty(r: any): GroupDuty {
  return { id: r.id, groupId: r.group_id, unitId: r.unit_id, unitName: r.unit_name, duty: r.duty, sortOrder: r.sort_order };
}

export function toRound(r: any): ProgressRound {
  return { id: r.id, name: r.name, periodStart: r.period_start, periodEnd: r.period_end, dueOn: r.due_on, closed: r.closed === 1 };
}

export function toReport(r: any): ProgressReport {
  return {
    id: r.id,
    taskId: r.task_id,
    unitId: r.unit_id,
    roundId: r.round_id,
    status: r.status,
    percent: r.percent,
    progress: r.progress,
    problems: r.problems,
    nextSteps: r.next_steps,
    source: r.source,
    importBatchId: r.import_batch_id,
    reportedOn: r.reported_on,
    updatedAt: r.updated_at,
  };
}
