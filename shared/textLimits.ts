// How long each text of a task may be: one table read by the main process's checks and by every dialog and
// cell editor, so a text is refused the same way wherever it is typed and never cut short.

export const TASK_TEXT_LIMITS = {
  number: 20,
  title: 500,
  content: 4000,
  target: 500,
  deadlineText: 100,
  notes: 2000,
} as const;

export type TaskTextField = keyof typeof TASK_TEXT_LIMITS;

/** Said when a text is refused for its length: how long it is, the limit, and that nothing was saved. */
export function tooLongMessage(label: string, length: number, max: number): string {
  return `${label}太长：有 ${length} 个字，最多 ${max} 个字。未保存，原内容不变；请删减后再保存。`;
}
