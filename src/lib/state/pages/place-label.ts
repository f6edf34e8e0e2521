// How a stock position reads to a person: `TY / A-01-02`, or 在途 for the virtual in-transit
// warehouse that holds dispatched transfer legs (its "location" is the transfer id).

import { IN_TRANSIT_WAREHOUSE } from '$lib/domain/transfers/transfer';
import { t } from '$lib/i18n';
import type { WorkspaceState } from '$lib/state/workspace.svelte';

export function placeLabel(
	ws: Pick<WorkspaceState, 'warehouse' | 'location'>,
	position: { warehouseId: string; locationId?: string }
): string {
	if (position.warehouseId === IN_TRANSIT_WAREHOUSE) return t('transfer.inTransit');
	const warehouse = ws.warehouse(position.warehouseId);
	const location = position.locationId ? ws.location(position.locationId) : undefined;
	return [warehouse?.code ?? position.warehouseId, location?.code].filter(Boolean).join(' / ');
}
