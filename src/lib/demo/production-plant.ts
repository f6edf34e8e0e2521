// The demo plant's master data (issue 18, point 8): work centres, raw materials and production
// packaging with their suppliers, the semi-finished goods and the two-level BOMs of the gift
// boxes (gift box <- pastries or filled cans + packaging; pastry / can <- raw materials).
// seedPlantCatalog creates them through the catalog and production commands; production.ts
// runs the plant's history on top.

import { createItem } from '../commands/catalog';
import type { CommandContext } from '../commands/context';
import { saveBom, saveWorkCenter } from '../commands/production/boms';
import { readItems } from '../doc/catalog-doc';

export const WORK_CENTERS = [
	// Labour and overhead per hour (NT$): completions cost their routing minutes at these rates.
	{ code: 'WC-PREP', name: '調理線 (餡料調理・堅果烘焙)', hours: 40, rateCents: 48_000 },
	{ code: 'WC-BAKE', name: '烘焙線', hours: 60, rateCents: 65_000 },
	{ code: 'WC-FILL', name: '充填線 (充填封罐)', hours: 40, rateCents: 52_000 },
	{ code: 'WC-PACK', name: '包裝線', hours: 80, rateCents: 42_000 }
] as const;
type CenterCode = (typeof WORK_CENTERS)[number]['code'];

/** [code, name, unit, category, standard cost in cents, supplier] */
export const MATERIALS = [
	['RM-FLOUR', '低筋麵粉 (生產用)', '公斤', '原料', 4200, '南方烘焙原料行'],
	['RM-BUTTER', '無水奶油 (生產用)', '公斤', '原料', 32000, '南方烘焙原料行'],
	['RM-BEAN', '烏豆沙餡', '公斤', '原料', 16000, '南方烘焙原料行'],
	['RM-PINE', '土鳳梨餡', '公斤', '原料', 21000, '南方烘焙原料行'],
	['RM-LOTUS', '白蓮蓉餡', '公斤', '原料', 26000, '南方烘焙原料行'],
	['RM-YOLK', '鹹蛋黃 (生產用)', '個', '原料', 900, '南方烘焙原料行'],
	['RM-NUTS', '綜合堅果 (原料)', '公斤', '原料', 48000, '福源食品有限公司'],
	['RM-TEA', '高山烏龍茶菁', '公斤', '原料', 180000, '禾豐茶飲股份有限公司'],
	['PKM-CAN', '馬口鐵罐 (禮盒用)', '個', '生產包材', 1800, '永興包材有限公司'],
	['PKM-BOX-S', '禮盒紙盒 (標準)', '個', '生產包材', 3500, '信義紙器行'],
	['PKM-BOX-L', '精裝禮盒 (硬殼)', '個', '生產包材', 9800, '信義紙器行'],
	['PKM-TRAY', '禮盒內襯托盤', '個', '生產包材', 600, '信義紙器行'],
	['PKM-DES', '食品脫氧劑', '個', '生產包材', 150, '永興包材有限公司'],
	['PKM-RIB', '緞帶 (精裝)', '個', '生產包材', 800, '永興包材有限公司'],
	['PKM-BAG', '禮盒提袋', '個', '生產包材', 1200, '信義紙器行'],
	['PKM-LBL', '禮盒標籤 (成分・效期)', '個', '生產包材', 80, '永興包材有限公司']
] as const;
type MaterialCode = (typeof MATERIALS)[number][0];

interface SemiSpec {
	code: string;
	name: string;
	unit: string;
	costCents: number;
	/** [component, qty per unit, scrap %]: qty × (1 + scrap) keeps ≤ 3 decimals for 公斤. */
	lines: readonly (readonly [MaterialCode, number, number])[];
	steps: readonly (readonly [string, CenterCode, number])[];
}

export interface ProductSpec {
	/** The catalog's gift-box product code (GFT-<code>-STD/LUX/CORP). */
	code: 'YS' | 'PA' | 'MC' | 'NU' | 'TE';
	semi: SemiSpec;
	/** Semi-finished units per box, by variant. */
	perBox: Readonly<Record<Variant, number>>;
	/** Pastries get a tray and oxygen absorbers; cans do not. */
	pastry: boolean;
}
export type Variant = 'STD' | 'LUX' | 'CORP';
export const VARIANTS: readonly Variant[] = ['STD', 'LUX', 'CORP'];
/** Boxes per campaign at a season factor of 1, by variant. */
export const BATCH: Readonly<Record<Variant, number>> = { STD: 24, LUX: 10, CORP: 36 };
const PACK_MINUTES: Readonly<Record<Variant, number>> = { STD: 2.5, LUX: 4, CORP: 2 };

export const PRODUCTS: readonly ProductSpec[] = [
	{
		code: 'YS',
		pastry: true,
		perBox: { STD: 6, LUX: 12, CORP: 4 },
		semi: {
			code: 'SFG-YS',
			name: '蛋黃酥 (裸裝半成品)',
			unit: '個',
			costCents: 1800,
			lines: [
				['RM-FLOUR', 0.02, 5],
				['RM-BUTTER', 0.01, 0],
				['RM-BEAN', 0.03, 0],
				['RM-YOLK', 1, 0]
			],
			steps: [
				['包餡', 'WC-PREP', 0.25],
				['烘烤', 'WC-BAKE', 0.4]
			]
		}
	},
	{
		code: 'PA',
		pastry: true,
		perBox: { STD: 10, LUX: 16, CORP: 8 },
		semi: {
			code: 'SFG-PA',
			name: '土鳳梨酥 (裸裝半成品)',
			unit: '個',
			costCents: 1500,
			lines: [
				['RM-FLOUR', 0.02, 5],
				['RM-BUTTER', 0.01, 0],
				['RM-PINE', 0.025, 0]
			],
			steps: [
				['包餡', 'WC-PREP', 0.15],
				['烘烤', 'WC-BAKE', 0.3]
			]
		}
	},
	{
		code: 'MC',
		pastry: true,
		perBox: { STD: 8, LUX: 12, CORP: 6 },
		semi: {
			code: 'SFG-MC',
			name: '蓮蓉蛋黃月餅 (裸裝半成品)',
			unit: '個',
			costCents: 3200,
			lines: [
				['RM-FLOUR', 0.04, 5],
				['RM-LOTUS', 0.06, 5],
				['RM-YOLK', 1, 0]
			],
			steps: [
				['包餡', 'WC-PREP', 0.3],
				['烘烤', 'WC-BAKE', 0.5]
			]
		}
	},
	{
		code: 'NU',
		pastry: false,
		perBox: { STD: 2, LUX: 4, CORP: 2 },
		semi: {
			code: 'SFG-NU',
			name: '綜合堅果罐 (分裝半成品)',
			unit: '罐',
			costCents: 14000,
			lines: [
				['RM-NUTS', 0.25, 2],
				['PKM-CAN', 1, 0]
			],
			steps: [
				['烘焙', 'WC-PREP', 0.5],
				['充填封罐', 'WC-FILL', 0.8]
			]
		}
	},
	{
		code: 'TE',
		pastry: false,
		perBox: { STD: 2, LUX: 4, CORP: 1 },
		semi: {
			code: 'SFG-TE',
			name: '高山烏龍茶罐 (分裝半成品)',
			unit: '罐',
			costCents: 30000,
			lines: [
				['RM-TEA', 0.15, 2],
				['PKM-CAN', 1, 0]
			],
			steps: [['充填封罐', 'WC-FILL', 0.6]]
		}
	}
];

/** Packaging per gift box, by variant and kind of content. */
export function packagingOf(variant: Variant, pastry: boolean): [MaterialCode, number][] {
	const out: [MaterialCode, number][] = [
		[variant === 'LUX' ? 'PKM-BOX-L' : 'PKM-BOX-S', 1],
		['PKM-LBL', 1]
	];
	if (pastry) out.push(['PKM-TRAY', 1], ['PKM-DES', 2]);
	if (variant === 'LUX') out.push(['PKM-RIB', 1]);
	if (variant !== 'CORP') out.push(['PKM-BAG', 1]);
	return out;
}

/** A product the plant makes: its semi-finished item and the gift boxes (by variant) packed from it. */
export interface Made {
	product: ProductSpec;
	semiId: string;
	boxes: Map<Variant, string>;
}

export interface PlantCatalog {
	/** Unit, standard cost and supplier name per component item id. */
	units: Map<string, string>;
	costs: Map<string, number>;
	suppliers: Map<string, string>;
	/** The item id of a material or semi-finished code; throws on an unknown code. */
	idOf: (code: string) => string;
	made: Made[];
	boms: number;
}

/** Creates the plant's items, work centres and BOMs, in this order (the demo is seeded). */
export function seedPlantCatalog(ctx: CommandContext): PlantCatalog {
	const docs = ctx.docs;
	// Catalog: materials and semi-finished goods, created at the start of the history.
	const itemIds = new Map<string, string>();
	const units = new Map<string, string>();
	const costs = new Map<string, number>();
	const suppliers = new Map<string, string>();
	for (const [code, name, unit, category, cost, supplier] of MATERIALS) {
		const item = createItem(ctx, { code, name, unit, category, standardCostCents: cost });
		itemIds.set(code, item.id);
		units.set(item.id, unit);
		costs.set(item.id, cost);
		suppliers.set(item.id, supplier);
	}
	const centers = new Map<CenterCode, string>();
	for (const c of WORK_CENTERS)
		centers.set(
			c.code,
			saveWorkCenter(ctx, {
				code: c.code,
				name: c.name,
				capacityHoursPerWeek: c.hours,
				costPerHourCents: c.rateCents
			}).id
		);
	const idOf = (code: string): string => {
		const id = itemIds.get(code);
		if (!id) throw new Error(`demo production: no item ${code}`);
		return id;
	};
	const center = (code: CenterCode): string => centers.get(code) ?? '';

	const catalog = new Map(readItems(docs.catalog).map((i) => [i.code, i]));
	// Version A of every BOM applies from the start: open campaigns may have begun before a short
	// demo's first day (--months 1).
	const effectiveFrom = '';
	let boms = 0;
	let stepSeq = 0;
	const stepId = (): string => `${ctx.ids.next()}-${++stepSeq}`;
	const made: Made[] = [];
	for (const product of PRODUCTS) {
		const semi = createItem(ctx, {
			code: product.semi.code,
			name: product.semi.name,
			unit: product.semi.unit,
			category: '半成品',
			standardCostCents: product.semi.costCents
		});
		itemIds.set(product.semi.code, semi.id);
		units.set(semi.id, product.semi.unit);
		saveBom(ctx, {
			itemId: semi.id,
			version: 'A',
			effectiveFrom,
			lines: product.semi.lines.map(([code, qtyPer, scrapPct]) => ({
				id: stepId(),
				childId: idOf(code),
				qtyPer,
				scrapPct
			})),
			steps: product.semi.steps.map(([name, wc, minutesPerUnit], i) => ({
				id: stepId(),
				seq: (i + 1) * 10,
				name,
				workCenterId: center(wc),
				minutesPerUnit
			}))
		});
		boms++;
		const boxes = new Map<Variant, string>();
		for (const variant of VARIANTS) {
			const box = catalog.get(`GFT-${product.code}-${variant}`);
			if (!box) continue;
			saveBom(ctx, {
				itemId: box.id,
				version: 'A',
				effectiveFrom,
				lines: [
					{ id: stepId(), childId: semi.id, qtyPer: product.perBox[variant], scrapPct: 0 },
					...packagingOf(variant, product.pastry).map(([code, qtyPer]) => ({
						id: stepId(),
						childId: idOf(code),
						qtyPer,
						scrapPct: 0
					}))
				],
				steps: [
					{
						id: stepId(),
						seq: 10,
						name: variant === 'LUX' ? '裝盒・綁緞帶' : '裝盒',
						workCenterId: center('WC-PACK'),
						minutesPerUnit: PACK_MINUTES[variant]
					}
				],
				note: '禮盒自製:半成品 + 包材'
			});
			boms++;
			boxes.set(variant, box.id);
		}
		made.push({ product, semiId: semi.id, boxes });
	}
	return { units, costs, suppliers, idOf, made, boms };
}
