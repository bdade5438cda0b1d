// The demo ledger a first start loads (resources/demo-ledger.json), written through the same audited repositories.
import fs from 'node:fs';
import path from 'node:path';
import type { Deadline, TaskStatus, UnitKind } from '../../shared/domain';
import type { LedgerContext } from '../db/audit';
import { createDocument } from '../db/repositories/documents';
import { addDuty, addMember, createGroup } from '../db/repositories/groups';
import { createRound, upsertReport } from '../db/repositories/progress';
import { createTask } from '../db/repositories/tasks';
import { createUnit, listUnits } from '../db/repositories/units';

export interface DemoLedger {
  document: { title: string; docNumber: string; issuer: string; issuedOn: string | null };
  units: { name: string; shortName: string; kind: UnitKind; aliases: string[]; contactPerson: string; phone: string }[];
  sections: {
    number: string;
    title: string;
    tasks: {
      number: string;
      title: string;
      items: {
        no: number;
        number: string;
        content: string;
        lead: string[];
        co: string[];
        deadline: Deadline;
        status: TaskStatus;
      }[];
    }[];
  }[];
  groups: {
    name: string;
    office: string;
    officeDirector: string;
    establishedOn: string | null;
    members: { role: string; personName: string; post: string; unit?: string }[];
    duties: { unit: string; duty: string }[];
  }[];
  rounds: {
    name: string;
    periodStart: string;
    periodEnd: string;
    dueOn: string;
    units: string[];
    reports: {
      no: number;
      unit: string;
      status: TaskStatus;
      percent: number;
      progress: string;
      problems: string;
      nextSteps: string;
      reportedOn: string;
    }[];
  }[];
}

export function readDemoLedgerFile(file: string): DemoLedger {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoLedger;
}

/** resources/demo-ledger.json from the source tree, the bundle (dist/main) or the installed app's resources folder. */
export function findDemoLedgerFile(extraDirs: string[] = []): string {
  const candidates = [
    ...extraDirs.map((d) => path.join(d, 'demo-ledger.json')),
    path.resolve(process.cwd(), 'resources/demo-ledger.json'),
    ...(typeof __dirname === 'string'
      ? [
          path.resolve(__dirname, '../../resources/demo-ledger.json'),
          path.resolve(__dirname, '../resources/demo-ledger.json'),
        ]
      : []),
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`demo-ledger.json not found in ${candidates.join(', ')}`);
  return found;
}

export function isLedgerEmpty(ctx: LedgerContext): boolean {
  const row = ctx.db.prepare('SELECT (SELECT COUNT(*) FROM unit) + (SELECT COUNT(*) FROM task) AS n').get() as {
    n: number;
  };
  return row.n === 0;
}

/** Loads the demo through the same repositories a clerk's edits use, in one transaction, audited. */
export function loadDemoLedger(ctx: LedgerContext, demo: DemoLedger): void {
  ctx.db.transaction(() => {
    for (const u of demo.units) createUnit(ctx, u);
    const unitId = new Map(listUnits(ctx).map((u) => [u.name, u.id]));
    const idOf = (name: string) => {
      const id = unitId.get(name);
      if (id === undefined) throw new Error(`demo refers to unknown unit ${name}`);
      return id;
    };
    const doc = createDocument(ctx, { ...demo.document, sourceFile: 'demo-ledger.json' });
    const itemIdByNo = new Map<number, number>();
    for (const s of demo.sections) {
      const section = createTask(ctx, { level: 'section', documentId: doc.id, number: s.number, title: s.title });
      for (const t of s.tasks) {
        const task = createTask(ctx, {
          level: 'task',
          parentId: section.id,
          documentId: doc.id,
          number: t.number,
          title: t.title,
        });
        for (const i of t.items) {
          const item = createTask(ctx, {
            level: 'item',
            parentId: task.id,
            documentId: doc.id,
            number: i.number,
            content: i.content,
            leadUnitIds: i.lead.map(idOf),
            coUnitIds: i.co.map(idOf),
            deadline: i.deadline,
            status: i.status,
          });
          itemIdByNo.set(i.no, item.id);
        }
      }
    }
    for (const g of demo.groups) {
      const group = createGroup(ctx, {
        name: g.name,
        documentId: doc.id,
        officeUnitId: idOf(g.office),
        officeDirector: g.officeDirector,
        establishedOn: g.establishedOn,
      });
      for (const m of g.members)
        addMember(ctx, group.id, { ...m, unitId: m.unit ? idOf(m.unit) : null, validFrom: g.establishedOn });
      for (const d of g.duties) addDuty(ctx, group.id, { unitId: idOf(d.unit), unitName: d.unit, duty: d.duty });
    }
    for (const r of demo.rounds) {
      const round = createRound(ctx, { ...r, unitIds: r.units.map(idOf) });
      for (const rep of r.reports) {
        const taskId = itemIdByNo.get(rep.no);
        if (taskId === undefined) throw new Error(`demo report refers to unknown item ${rep.no}`);
        upsertReport(ctx, { ...rep, taskId, unitId: idOf(rep.unit), roundId: round.id, source: 'demo' });
      }
    }
  })();
}
