// The demo company's customers, by the warehouse that serves them: supermarkets, schools,
// hospital canteens and night-market stalls around Taoyuan, Taichung and Kaohsiung.

export const CUSTOMERS: Readonly<Record<'TY-MAIN' | 'TC' | 'KH', readonly string[]>> = {
	'TY-MAIN': [
		'全聯 桃園中正店',
		'家樂福 中壢店',
		'好市多 南崁店',
		'大潤發 八德店',
		'新北市立板橋高中 合作社',
		'林口長庚 員工餐廳',
		'阿國便當 (中壢)',
		'好初早餐 (內湖)'
	],
	TC: [
		'全聯 台中文心店',
		'愛買 豐原店',
		'家樂福 台中文心店',
		'逢甲夜市 甜點攤',
		'台中榮總 福利社',
		'彰化肉圓 老店'
	],
	KH: [
		'全聯 高雄博愛店',
		'家樂福 鼎山店',
		'好市多 高雄店',
		'六合夜市 木瓜牛奶',
		'高雄醫學大學 合作社',
		'屏東萬丹 紅豆餅'
	]
};
