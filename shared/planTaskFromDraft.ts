// One read item of a policy document as the save plan carries it: the same fields whether main builds the plan (CLI, tests) or the review page does.
import type { z } from 'zod';
import type { DocumentDraft, documentSaveSchema } from './channels/documents';

export type PlanTask = z.infer<typeof documentSaveSchema>['tasks'][number];

/** The plan's copy of a read item; the caller says which parent it hangs under (the review may drop a parent). */
export function planTaskFromDraft(t: DocumentDraft['tasks'][number], parentKey: string | null): PlanTask {
  return {
    key: t.id,
    parentKey,
    level: t.level,
    number: t.number,
    title: t.title,
    content: t.content,
    leadUnits: t.leadUnits,
    coUnits: t.coUnits,
    deadlineText: t.deadlineText,
    targets: t.targets,
    doubts: t.doubts,
  };
}
