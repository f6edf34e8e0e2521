// The demo company's product range: 好日子食品包材 (a Taoyuan food & packaging trader) —
// families of products × variants, so a few lines of data give 200+ believable SKUs.

import type { SeasonProfile } from './seasons';

export interface Family {
	category: string;
	prefix: string;
	profile: SeasonProfile;
	unit: string;
	/** 0: does not expire (and is not lot-tracked). */
	shelfLifeDays: number;
	/** Standard cost of the base variant, cents. */
	costCents: number;
	/** Typical quantity on one sales order line, base variant. */
	lineQty: number;
	/** Storage zone letter in every warehouse: A/B ambient, C chilled, D frozen. */
	zone: 'A' | 'B' | 'C' | 'D';
	supplier: string;
	products: readonly (readonly [code: string, name: string])[];
	/** [code, label, cost factor, line-quantity factor, unit override] */
	variants: readonly (readonly [
		code: string,
		label: string,
		cost: number,
		qty: number,
		unit?: string
	])[];
}

export const FAMILIES: readonly Family[] = [
	{
		category: '飲料',
		prefix: 'BEV',
		profile: 'summer',
		unit: '箱',
		shelfLifeDays: 365,
		costCents: 28000,
		lineQty: 12,
		zone: 'A',
		supplier: '禾豐茶飲股份有限公司',
		products: [
			['BT', '古早味紅茶'],
			['GT', '無糖綠茶'],
			['OT', '凍頂烏龍茶'],
			['MT', '香醇奶茶'],
			['WT', '天然礦泉水'],
			['SP', '運動飲料'],
			['SM', '黃金豆漿'],
			['JC', '柳橙汁'],
			['CF', '經典拿鐵'],
			['LM', '檸檬紅茶']
		],
		variants: [
			['300', '300ml×24入', 0.7, 1],
			['600', '600ml×24入', 1, 1.2],
			['1250', '1250ml×12入', 1.1, 0.6]
		]
	},
	{
		category: '零食餅乾',
		prefix: 'SNK',
		profile: 'lny',
		unit: '盒',
		shelfLifeDays: 180,
		costCents: 16000,
		lineQty: 10,
		zone: 'B',
		supplier: '福源食品有限公司',
		products: [
			['PA', '土鳳梨酥'],
			['NG', '蔓越莓牛軋糖'],
			['RC', '海苔米果'],
			['PC', '洋芋片'],
			['ER', '手工蛋捲'],
			['PN', '花生糖'],
			['SC', '台中太陽餅'],
			['ML', '宜蘭麻粩'],
			['SW', '烤海苔'],
			['DG', '大溪豆干']
		],
		variants: [
			['6', '6入', 0.55, 1],
			['12', '12入', 1, 0.8],
			['FAM', '家庭號', 1.6, 0.5, '包']
		]
	},
	{
		category: '乾貨調味',
		prefix: 'DRY',
		profile: 'flat',
		unit: '箱',
		shelfLifeDays: 540,
		costCents: 42000,
		lineQty: 4,
		zone: 'A',
		supplier: '金穗米行',
		products: [
			['SY', '純釀醬油'],
			['SO', '黑麻油'],
			['BV', '工研烏醋'],
			['RW', '料理米酒'],
			['RI', '台梗九號白米'],
			['MX', '手工麵線'],
			['GN', '綠豆冬粉'],
			['MU', '埔里香菇'],
			['DS', '澎湖蝦米'],
			['SA', '沙茶醬']
		],
		variants: [
			['S', '小包裝(12入)', 0.6, 1.5],
			['M', '標準箱', 1, 1],
			['BULK', '業務用 (公斤)', 0.012, 30, '公斤']
		]
	},
	{
		category: '冷凍食品',
		prefix: 'FRZ',
		profile: 'winter',
		unit: '包',
		shelfLifeDays: 270,
		costCents: 9500,
		lineQty: 20,
		zone: 'D',
		supplier: '北海冷凍食品股份有限公司',
		products: [
			['DK', '高麗菜豬肉水餃'],
			['DL', '韭菜豬肉水餃'],
			['TY', '鮮肉湯圓'],
			['TS', '芝麻湯圓'],
			['BZ', '鮮肉包'],
			['CY', '三星蔥油餅'],
			['XL', '小籠湯包'],
			['ZZ', '珍珠丸子']
		],
		variants: [
			['20', '20入', 0.6, 1],
			['50', '50入', 1, 0.8],
			['KG', '業務用 (公斤)', 0.35, 15, '公斤']
		]
	},
	{
		category: '節慶禮盒',
		prefix: 'GFT',
		profile: 'gift',
		unit: '盒',
		shelfLifeDays: 120,
		costCents: 38000,
		lineQty: 15,
		zone: 'B',
		supplier: '福源食品有限公司',
		products: [
			['MC', '中秋月餅禮盒'],
			['YS', '蛋黃酥禮盒'],
			['NU', '年節堅果禮盒'],
			['MR', '烏魚子禮盒'],
			['TE', '高山茶葉禮盒'],
			['PA', '鳳梨酥禮盒']
		],
		variants: [
			['STD', '標準款', 1, 1],
			['LUX', '精裝款', 1.8, 0.5],
			['CORP', '企業團購款', 0.85, 2.5]
		]
	},
	{
		category: '烘焙原料',
		prefix: 'BAK',
		profile: 'bake',
		unit: '包',
		shelfLifeDays: 300,
		costCents: 6500,
		lineQty: 10,
		zone: 'C',
		supplier: '南方烘焙原料行',
		products: [
			['HF', '高筋麵粉'],
			['LF', '低筋麵粉'],
			['SU', '細砂糖'],
			['BT', '無鹽奶油'],
			['CR', '動物性鮮奶油'],
			['YE', '速發酵母'],
			['CO', '無糖可可粉'],
			['AL', '杏仁片'],
			['RB', '紅豆餡'],
			['MB', '綠豆沙'],
			['EY', '鹹蛋黃'],
			['CH', '切達起司片']
		],
		variants: [
			['1K', '1公斤裝', 1, 1],
			['BULK', '業務用 (公斤)', 0.8, 20, '公斤']
		]
	},
	{
		category: '泡麵',
		prefix: 'NDL',
		profile: 'noodle',
		unit: '箱',
		shelfLifeDays: 240,
		costCents: 52000,
		lineQty: 6,
		zone: 'A',
		supplier: '福源食品有限公司',
		products: [
			['BF', '紅燒牛肉麵'],
			['MZ', '古早肉燥麵'],
			['ZJ', '炸醬麵'],
			['SC', '沙茶羊肉麵'],
			['ML', '麻辣鍋麵'],
			['CK', '香菇雞湯麵']
		],
		variants: [
			['5', '5入包', 0.2, 8, '包'],
			['BOX', '整箱(30入)', 1, 1],
			['CUP', '碗麵(12入)', 0.5, 2]
		]
	},
	{
		category: '包材',
		prefix: 'PKG',
		profile: 'q4',
		unit: '個',
		shelfLifeDays: 0,
		costCents: 1800,
		lineQty: 200,
		zone: 'A',
		supplier: '永興包材有限公司',
		products: [
			['BOX20', '瓦楞紙箱 20cm'],
			['BOX30', '瓦楞紙箱 30cm'],
			['BOX40', '瓦楞紙箱 40cm'],
			['BOX50', '瓦楞紙箱 50cm'],
			['BOX60', '瓦楞紙箱 60cm'],
			['GBOX', '禮盒外箱'],
			['TRAY', '瓦楞隔板']
		],
		variants: [
			['W', '白色', 1.1, 1],
			['K', '牛皮色', 1, 1.5]
		]
	},
	{
		category: '包材',
		prefix: 'PKG',
		profile: 'q4',
		unit: '包',
		shelfLifeDays: 0,
		costCents: 4500,
		lineQty: 40,
		zone: 'A',
		supplier: '信義紙器行',
		products: [
			['BAG', '手提塑膠袋'],
			['CUP', '紙杯 (50入)'],
			['LID', '杯蓋 (100入)'],
			['BENTO', '紙便當盒 (50入)'],
			['STRAW', '環保吸管 (100入)'],
			['GLOVE', 'PE手套 (100入)'],
			['NAP', '餐巾紙 (500抽)']
		],
		variants: [
			['S', 'S', 0.7, 1],
			['M', 'M', 1, 1.2],
			['L', 'L', 1.3, 0.9]
		]
	},
	{
		category: '包材',
		prefix: 'PKG',
		profile: 'q4',
		unit: '捲',
		shelfLifeDays: 0,
		costCents: 3800,
		lineQty: 36,
		zone: 'A',
		supplier: '永興包材有限公司',
		products: [
			['TAPE', '封箱膠帶'],
			['WRAP', '保鮮膜'],
			['LBL', '熱感標籤貼紙'],
			['STR', '棧板膜'],
			['BUB', '氣泡布']
		],
		variants: [
			['48', '48mm/30cm', 1, 1],
			['60', '60mm/45cm', 1.3, 0.7]
		]
	}
];
