// The page another person is on, in words: a known page's title, or for `order:<id>` the
// order's number (SO-2026-…), for `po:<id>` a purchase order, never the raw id a page reports in presence.

import { t } from '../../i18n';
import { PAGE_LABELS } from './page-ids';
import { ORDER_PAGE_PREFIX } from './orders-board-helpers';

export function presencePageLabel(
	page: string,
	orderNumber: (orderId: string) => string | undefined
): string {
	const known = PAGE_LABELS[page];
	if (known) return t(known);
	if (page.startsWith(ORDER_PAGE_PREFIX)) {
		const number = orderNumber(page.slice(ORDER_PAGE_PREFIX.length));
		return number ? t('presence.order', { number }) : t('presence.anOrder');
	}
	if (page.startsWith('po:')) return t('presence.aPo');
	return page;
}
