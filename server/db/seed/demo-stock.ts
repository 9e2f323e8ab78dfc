import type { Kysely } from 'kysely';
import { ensureVan, ensureWarehouse, move, put, record, type Who } from '../../modules/stock/ledger.ts';
import type { DB } from '../schema.ts';
import { Random } from './random.ts';

// The demo parts and stock (P4.3.1): a catalogue for the demo product models, stock in the
// central warehouse, and a van stock for every repair and installation engineer. Every unit
// arrives through the ledger (received into the warehouse, then transferred to a van), so the
// movements add up to the levels. Deterministic: the same demo company yields the same stock.

const SEED = 0x570c4;
const SEEDER: Who = { userId: null, label: 'demo seed' };

type Family = 'hp' | 'ch' | 'ahu' | 'vf' | 'ups' | 'home';
/** [name, family, unit, cost in fen] */
const CATALOGUE: ReadonlyArray<readonly [string, Family, string, number]> = [
  ['压缩机启动电容 45μF', 'hp', '个', 4_500],
  ['温度传感器 NTC 10K', 'hp', '个', 1_280],
  ['主控板 HP-MCU3', 'hp', '块', 86_000],
  ['风机电机 550W', 'hp', '台', 62_000],
  ['电子膨胀阀', 'hp', '个', 38_500],
  ['四通换向阀', 'hp', '个', 29_800],
  ['高压压力开关', 'ch', '个', 9_600],
  ['低压压力开关', 'ch', '个', 9_200],
  ['油位传感器', 'ch', '个', 15_400],
  ['冷媒 R410A 10kg', 'ch', '瓶', 52_000],
  ['干燥过滤器', 'ch', '个', 6_800],
  ['水流开关', 'ch', '个', 11_800],
  ['初效滤网 592×592', 'ahu', '片', 3_500],
  ['中效袋式滤网', 'ahu', '个', 16_500],
  ['风机皮带 B-1600', 'ahu', '条', 4_200],
  ['加湿器电极', 'ahu', '个', 23_000],
  ['风阀执行器', 'ahu', '台', 45_000],
  ['IGBT 功率模块 75kW', 'vf', '个', 168_000],
  ['整流桥模块', 'vf', '个', 32_000],
  ['散热风扇 24V', 'vf', '个', 5_600],
  ['直流母线电容 450V', 'vf', '个', 18_800],
  ['操作面板 VF-KP', 'vf', '块', 26_000],
  ['UPS 蓄电池 12V 100Ah', 'ups', '块', 98_000],
  ['UPS 功率模块 10kVA', 'ups', '个', 420_000],
  ['UPS 控制板', 'ups', '块', 135_000],
  ['静态开关模块', 'ups', '个', 88_000],
  ['密封圈 DN25', 'home', '个', 350],
  ['水泵 25-60', 'home', '台', 48_000],
  ['电加热管 3kW', 'home', '根', 21_000],
  ['线控器', 'home', '个', 15_800],
  ['保险丝 10A', 'home', '个', 150],
  ['接线端子排', 'home', '条', 900],
];

const FAMILY_OF: ReadonlyArray<readonly [RegExp, Family]> = [
  [/^AS-HP/, 'hp'],
  [/^AS-CH/, 'ch'],
  [/^AS-AHU/, 'ahu'],
  [/^AS-VF/, 'vf'],
  [/^AS-UPS(10|60)$/, 'ups'],
  [/^AS-(HW|FH|UPS1$)/, 'home'],
];

const familyOf = (model: string) => FAMILY_OF.find(([pattern]) => pattern.test(model))?.[1];

/** Seeds the catalogue and stock once; a database that already has parts is left as it is. Returns the parts created. */
export async function seedDemoStock(db: Kysely<DB>): Promise<number> {
  const random = new Random(SEED);
  const models = (await db.selectFrom('installedProducts').select('model').distinct().orderBy('model').execute()).map((r) => r.model);
  const engineers = await db
    .selectFrom('employees')
    .select('id')
    .where('position', 'in', ['repair_engineer', 'installation_engineer'])
    .where('status', '=', 'active')
    .orderBy('employeeNo')
    .execute();

  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('parts').select('id').limit(1).executeTakeFirst()) return 0;
    const counters = new Map<Family, number>();
    const parts = [];
    for (const [name, family, unit, unitCostFen] of CATALOGUE) {
      const n = (counters.get(family) ?? 0) + 1;
      counters.set(family, n);
      const fits = models.filter((m) => familyOf(m) === family);
      const row = await trx
        .insertInto('parts')
        .values({ partNo: `SP-${family.toUpperCase()}-${String(n).padStart(3, '0')}`, name, unit, unitCostFen, models: fits })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      parts.push(row);
    }

    const warehouse = await ensureWarehouse(trx);
    for (const part of parts) {
      const quantity = random.int(20, 80);
      await put(trx, warehouse, part, quantity);
      await record(trx, SEEDER, { kind: 'receive', part, quantity, to: warehouse, note: '期初库存' });
    }
    // Every engineer leaves with a few parts in the van (at least three different ones).
    for (const engineer of engineers) {
      const van = await ensureVan(trx, engineer.id);
      for (const part of random.sample(parts, random.int(3, 6))) {
        const quantity = random.int(1, 4);
        await move(trx, warehouse, van, part, quantity);
        await record(trx, SEEDER, { kind: 'transfer', part, quantity, from: warehouse, to: van, note: '车载备件' });
      }
    }
    return parts.length;
  });
}
