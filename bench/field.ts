// Field-service benchmark (issue 4): service-report PDFs with 20 photos (time per report and
// memory), and stock operations under 20 concurrent clients taking the same parts (throughput,
// with the final stock checked to the unit against the ledger).
//
//   npm run bench:field
//
// With DATABASE_URL the stock measure runs in a fresh database on that PostgreSQL server
// (dropped at the end); otherwise on PGlite in a temporary data folder. stdout gets one JSON
// line per measure; progress goes to stderr. Never part of `npm test`.
import { migrateToLatest } from '../server/db/migrate.ts';
import { ensureDefaultSettings } from '../server/modules/settings/service.ts';
import { benchReportPdf } from './field/report-pdf.ts';
import { benchStock } from './field/stock.ts';
import { openBenchDatabase } from './work-orders/database.ts';
import { emit, type Line, progress } from './work-orders/report.ts';

async function main() {
  progress('report PDFs with 20 photos');
  for (const line of await benchReportPdf()) emit(line as Line);

  const bench = await openBenchDatabase(false, undefined);
  try {
    await migrateToLatest(bench.database.db);
    await ensureDefaultSettings(bench.database.db);
    progress(`stock operations on ${bench.database.engine}`);
    for (const line of await benchStock(bench.database.db)) emit({ engine: bench.database.engine, ...(line as Line) });
  } finally {
    await bench.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
