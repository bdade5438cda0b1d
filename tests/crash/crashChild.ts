// Run as a child process by crashSafety.test.ts and killed (SIGKILL) at a random moment: performs one kind
// of write again and again through the same code the app runs, saying "ready" once the ledger is open.
import path from 'node:path';
import { createContext } from '../../electron/db/audit';
import { openLedger } from '../../electron/db/connection';
import { readLedgerSnapshot } from '../../electron/db/repositories/snapshot';
import type { AppContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { buildTaskListWorkbook } from '../../electron/services/excel/taskListWorkbook';
import { writeWorkbookFile } from '../../electron/services/excel/writeWorkbookFile';
import { scriptedShell } from '../harness/scriptedShell';
import { heldReturn } from '../unit/returns/heldReturn';

const PASTE_ROWS = Number(process.env.CRASH_PASTE_ROWS ?? 2000);
const DOCUMENT_ITEMS = Number(process.env.CRASH_DOCUMENT_ITEMS ?? 120);

const [, , ledgerFile, kind, exportTarget] = process.argv;

async function main() {
  const ledger = createContext(openLedger(ledgerFile!));
  const ctx: AppContext = {
    shell: scriptedShell(path.join(path.dirname(ledgerFile!), 'out')),
    ledger,
    ledgerFile: ledgerFile!,
    runtime: 'browser-harness',
    version: 'crash-test',
    today: () => '2026-11-23',
    log: () => {},
  };
  const snap = readLedgerSnapshot(ledger);
  const items = snap.tasks.filter((t) => t.level === 'item');
  const section = snap.tasks.find((t) => t.level === 'section')!;
  const townships = snap.units.filter((u) => u.kind === 'township');
  const must = async (channel: string, payload: unknown) => {
    const result = await dispatch(ctx, channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  };
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    if (kind === 'import') {
      const unit = townships[i % townships.length]!;
      // As a preview held in main would be committed: by its token.
      const file = {
        fileName: `${unit.name}_${i}.xlsx`,
        sha256: (i.toString(16) + 'f'.repeat(64)).slice(0, 64),
        size: 1000,
        unitId: unit.id,
      };
      await must('returns:commit', {
        roundId: snap.rounds[0]!.id,
        files: [
          heldReturn(
            ctx,
            snap.rounds[0]!.id,
            file,
            items.map((t) => ({
              taskId: t.id,
              status: '推进中',
              percent: i % 100,
              progress: `第${i}次导入：${t.content.slice(0, 20)}`,
              problems: '',
              nextSteps: '',
              overwrite: true,
            })),
          ),
        ],
      });
    } else if (kind === 'document') {
      const tasks = [
        {
          key: 's',
          parentKey: null,
          level: 'section',
          number: '一、',
          title: `崩溃测试部分${i}`,
          content: '',
          leadUnits: [],
          coUnits: [],
          deadlineText: '',
          targets: [],
        },
      ];
      tasks.push({
        key: 't',
        parentKey: 's',
        level: 'task',
        number: '（一）',
        title: `崩溃测试任务${i}`,
        content: '',
        leadUnits: [],
        coUnits: [],
        deadlineText: '',
        targets: [],
      } as never);
      for (let k = 0; k < DOCUMENT_ITEMS; k++) {
        tasks.push({
          key: `i${k}`,
          parentKey: 't',
          level: 'item',
          number: `${k + 1}.`,
          title: '',
          content: `崩溃测试工作内容${i}-${k}`,
          leadUnits: ['县卫生健康局'],
          coUnits: [],
          deadlineText: '2026年底前',
          targets: [],
        } as never);
      }
      await must('documents:save', {
        fileName: `实施方案${i}.docx`,
        sha256: (i.toString(16) + 'e'.repeat(64)).slice(0, 64),
        document: {
          title: `崩溃测试实施方案${i}`,
          docNumber: `测〔2026〕${i}号`,
          issuer: '县卫生健康局',
          issuedOn: null,
        },
        newUnits: [],
        tasks,
        groups: [],
      });
    } else if (kind === 'paste') {
      await must('tasks:paste', {
        sectionId: section.id,
        creates: Array.from({ length: PASTE_ROWS }, (_, k) => ({
          task: { title: `粘贴任务${i}-${Math.floor(k / 10)}`, number: `（${k}）` },
          fields: { content: `CRASHPASTE ${i}-${k}`, leadUnitIds: [townships[0]!.id], deadlineText: '2026年底前' },
        })),
      });
    } else if (kind === 'export') {
      await writeWorkbookFile(
        buildTaskListWorkbook(readLedgerSnapshot(ledger), { title: `重点任务清单（第${i}次）`, today: '2026-11-23' }),
        exportTarget!,
      );
    } else throw new Error(`unknown kind ${kind}`);
    process.stdout.write(`done ${i}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(String((err as Error).stack ?? err));
  process.exit(3);
});
