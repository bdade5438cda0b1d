// `npx duban`: the router and usage text. Each command lives in commands/ and runs the app's own handlers
// (through dispatch, in a CLI AppContext) or the functions they share, so the CLI and the app cannot drift.
import { DomainError } from '../../shared/errors';
import { translateLedgerError } from '../db/sqliteErrors';
import { UsageError, type CliIo } from './args';
import { backupCommand } from './commands/backup';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/importReturns';
import { ingestCommand } from './commands/ingest';
import { summaryCommand } from './commands/summary';

export type { CliIo } from './args';

const USAGE = `用法：
  duban demo --db 台账文件.sqlite              新建一个演示台账
  duban summary --db 台账文件.sqlite [--json] [--today YYYY-MM-DD]
                                               查看台账概况（单位、领导小组、任务状态、逾期事项）
  duban ingest --db 台账文件.sqlite [--dry-run] [--json] 文件.docx|.doc|.wps|.pdf|.txt
                                               读取实施方案：任务、责任单位、时限、目标、领导小组；
                                               不加 --dry-run 时按默认选择写入台账（可在“导入记录”中撤销）
  duban import returns --db 台账文件.sqlite [--round 调度轮次] [--unit 单位] [--dry-run] [--json] 文件...
                                               导入各单位报回的推进情况表（xlsx、xls、csv）；
                                               不加 --dry-run 时写入台账（每个文件一条导入记录，可撤销）
  duban export tasks --db 台账文件.sqlite --out 文件.xlsx [--unit 单位] [--status 状态] [--overdue]
                                               导出重点任务清单（A4 横向打印格式；--unit 为该单位牵头或配合的任务）
  duban export template --db 台账文件.sqlite --unit 单位 --round 调度轮次 --out 文件.xlsx
                                               导出某单位某轮调度的填报模板
  duban export roster --db 台账文件.sqlite --group 领导小组名称 --out 文件.xlsx
  duban export bulletin --db 台账文件.sqlite --round 调度轮次 --out 文件.docx|.xlsx
                                               导出领导小组名单 / 调度通报（Word 公文另附 Excel 数据附件；含催办清单）
  duban backup list --db 台账文件.sqlite [--json]
                                               列出备份：时间、大小、任务和推进情况条数、最后一次修改、是否完好
  duban backup create --db 台账文件.sqlite      立即备份一份
  duban backup restore --db 台账文件.sqlite [--file 备份文件]
                                               从备份恢复（不指定 --file 时用最近一份完好的备份）；
                                               恢复前先把当前台账另存为备份，可再恢复回来
`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  demo: demoCommand,
  summary: summaryCommand,
  ingest: ingestCommand,
  import: importCommand,
  export: exportCommand,
  backup: backupCommand,
};

/** Returns the exit code; never throws, so scripts get a Chinese message and a non-zero code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`未知命令“${command}”。`);
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof DomainError) {
      io.err(`错误：${err.message}\n`);
      return 1;
    }
    const dbArg = argv[argv.indexOf('--db') + 1];
    const translated = argv.includes('--db') && dbArg ? translateLedgerError(err, dbArg) : null;
    if (translated) {
      io.err(`错误：${translated.message}\n`);
      return 1;
    }
    io.err(`错误：程序内部出错：${(err as Error).message}\n`);
    return 1;
  }
}
