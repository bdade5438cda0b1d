// `duban export`: the 导出 page's workbooks through the same channels (export:tasks, export:template,
// export:roster, export:bulletin), the save dialog answered with --out; the ledger is opened read-only.
import { DEFAULT_TASK_LIST_COLUMNS, type ExportOutcome } from '../../../shared/channels/exports';
import { appendixTitle } from '../../../shared/exportTitles';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { openLedger } from '../../db/connection';
import { findRound, findUnit, parseOptions, requireDb, todayOf, UsageError, type CliIo, type Values } from '../args';
import { call, withCliApp, type CliApp } from '../cliApp';

const KINDS = ['tasks', 'template', 'roster', 'bulletin'] as const;

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = args;
  const { values } = parseOptions(rest, {
    db: { type: 'string' },
    out: { type: 'string' },
    unit: { type: 'string' },
    status: { type: 'string' },
    overdue: { type: 'boolean' },
    round: { type: 'string' },
    group: { type: 'string' },
    today: { type: 'string' },
  });
  const file = requireDb(values);
  const out = values.out;
  if (!(KINDS as readonly (string | undefined)[]).includes(kind))
    throw new UsageError(`未知的导出类型“${kind ?? ''}”：可用 ${KINDS.join('、')}。`);
  // The 调度通报 may also be the Word 公文 (its Excel data annex is saved beside it), as the app saves it.
  const word = kind === 'bulletin' && typeof out === 'string' && out.endsWith('.docx');
  if (typeof out !== 'string' || !(out.endsWith('.xlsx') || word))
    throw new UsageError(
      kind === 'bulletin'
        ? '缺少 --out 参数，或文件名不是 .docx 或 .xlsx：请指定要保存的文件，例如 --out 通报.docx'
        : '缺少 --out 参数，或文件名不是 .xlsx：请指定要保存的 Excel 文件，例如 --out 清单.xlsx',
    );
  const status = values.status;
  if (kind === 'tasks' && typeof status === 'string' && !(TASK_STATUSES as readonly string[]).includes(status))
    throw new UsageError(`--status 应为 ${TASK_STATUSES.join('、')} 之一，收到“${status}”。`);
  if (kind === 'template' && (typeof values.unit !== 'string' || typeof values.round !== 'string'))
    throw new UsageError('导出填报模板需要 --unit 和 --round 参数。');
  const options = { io, today: todayOf(values), saveTo: out };
  return withCliApp(openLedger(file, { readonly: true }), file, options, async (app) => {
    const outcome = await exportOne(app, kind as (typeof KINDS)[number], values);
    if (!outcome.files.length) throw new DomainError('export_none_written', `没有导出：${out}`);
    io.out(`已导出：${[out, ...outcome.files.slice(1)].join('、')}\n`);
    return 0;
  });
}

/** The request the 导出 page would send, with units, rounds and groups named instead of picked. */
async function exportOne(app: CliApp, kind: (typeof KINDS)[number], values: Values): Promise<ExportOutcome> {
  const snap = await call(app, 'ledger:snapshot', {});
  switch (kind) {
    case 'tasks': {
      const unit = typeof values.unit === 'string' ? findUnit(snap.units, values.unit) : null;
      return call(app, 'export:tasks', {
        title: appendixTitle(snap.documents[0]),
        attachmentLabel: '',
        madeBy: '',
        columns: DEFAULT_TASK_LIST_COLUMNS,
        filter: {
          unitId: unit?.id ?? null,
          status: values.overdue ? '逾期' : ((values.status as TaskStatus | undefined) ?? ''),
        },
      });
    }
    case 'template': {
      const unit = findUnit(snap.units, values.unit as string);
      const round = findRound(snap, values.round);
      return call(app, 'export:template', { unitIds: [unit.id], roundId: round.id });
    }
    case 'roster': {
      const group = snap.groups.find((g) => g.name === values.group);
      if (!group)
        throw new DomainError(
          'group_not_found',
          `找不到领导小组“${typeof values.group === 'string' ? values.group : ''}”。现有：${snap.groups.map((g) => g.name).join('、') || '（无）'}。`,
        );
      return call(app, 'export:roster', { groupId: group.id });
    }
    case 'bulletin':
      return call(app, 'export:bulletin', {
        roundId: findRound(snap, values.round).id,
        format: typeof values.out === 'string' && values.out.endsWith('.docx') ? 'docx' : 'xlsx',
      });
  }
}
