// `duban demo`: a new ledger holding the demo a first start of the app loads.
import { DomainError } from '../../../shared/errors';
import { openLedger } from '../../db/connection';
import { localToday } from '../../handlers/context';
import { findDemoLedgerFile, isLedgerEmpty, loadDemoLedger, readDemoLedgerFile } from '../../services/demoLedger';
import { parseOptions, requireDb, type CliIo } from '../args';
import { call, withCliApp } from '../cliApp';

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { db: { type: 'string' } });
  const file = requireDb(values);
  return withCliApp(openLedger(file, { create: true }), file, { io, today: localToday() }, async (app) => {
    if (!isLedgerEmpty(app.ledger)) {
      throw new DomainError('ledger_not_empty', `“${file}”中已有数据，演示数据不会覆盖它。请换一个新文件名。`);
    }
    // As openAppLedger does on a first start.
    loadDemoLedger(app.ledger, readDemoLedgerFile(findDemoLedgerFile()));
    const s = await call(app, 'ledger:summary', {});
    io.out(`已创建演示台账：${file}（${s.units} 个责任单位，${s.items} 项工作内容）\n`);
    return 0;
  });
}
