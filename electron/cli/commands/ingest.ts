// `duban ingest`: reads a policy document from its path as 导入 → 政策文件 does (readForReviewAt), and without --dry-run saves
// it through documents:save with the choices nobody changed (defaultSavePlan).
import { describeFlagCounts } from '../../../shared/flagReviewItems';
import { readForReviewAt } from '../../handlers/documents';
import { toDocumentJson, type DocumentAnalysis } from '../../services/documents';
import { defaultSavePlan } from '../../services/documents/reviewDocument';
import { parseOptions, requireInputFile, requireDb, todayOf, UsageError, type CliIo } from '../args';
import { call, openLedgerFor, withCliApp } from '../cliApp';

export async function ingestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, files } = parseOptions(args, {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    today: { type: 'string' },
  });
  const file = requireDb(values);
  const [input] = files;
  if (files.length !== 1 || input === undefined)
    throw new UsageError('请指定一个要读取的文件，例如：duban ingest --db 台账.sqlite --json 实施方案.docx');
  const inputPath = requireInputFile(input);
  const dryRun = values['dry-run'] === true;
  return withCliApp(openLedgerFor(file, dryRun), file, { io, today: todayOf(values) }, async (app) => {
    // Read once, in the reader worker as in the app; the review and the JSON both come from that reading.
    const read: { reading?: DocumentAnalysis } = {};
    const review = await readForReviewAt(app, inputPath, (r) => (read.reading = r));
    if (values.json && read.reading) io.out(JSON.stringify(toDocumentJson(read.reading), null, 2) + '\n');
    if (dryRun) {
      if (!values.json)
        io.out(
          `读取“${input}”：${review.tasks.filter((t) => t.included).length} 项任务，${review.groups.length} 个领导小组（未写入台账）\n`,
        );
      return 0;
    }
    // Nobody is there to look at flagged items: they are saved as read, and counted in the message.
    const outcome = await call(app, 'documents:save', defaultSavePlan(review));
    const flagged = describeFlagCounts(outcome.flags);
    const same = review.duplicateOf;
    const message =
      `已写入台账：${outcome.sections} 个部分、${outcome.tasks} 项重点任务、${outcome.items} 项工作内容、${outcome.groups} 个领导小组，新增 ${outcome.units} 个责任单位（导入记录 #${outcome.batchId}）\n` +
      (flagged ? `其中 ${flagged}，请在任务清单中核对补填。\n` : '') +
      (same
        ? `注意：该文件已在台账中：《${same.title}》（导入于 ${same.createdAt.slice(0, 10)}），本次另存为新文件；如需更新已有文件，请在程序的“导入 → 政策文件”中导入。\n`
        : '');
    if (values.json) io.err(message);
    else io.out(message);
    return 0;
  });
}
