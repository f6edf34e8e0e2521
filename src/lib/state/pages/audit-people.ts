// A person's role change or revocation (kept by the relay, not in a document) as a row of the
// audit page, beside the master records' entries formatted in audit-format.ts.

import type { Role } from '../../domain/auth/roles';
import { fmtDateTime, t, type MessageKey } from '../../i18n';
import type { AuditRow } from './audit-format';

/** A role change or revocation the relay recorded (no device stamp: the relay's clock). */
export interface PersonChange {
	atMs: number;
	by: string;
	user: string;
	action: 'role' | 'revoke' | 'revoke-device';
	oldRole: Role | null;
	newRole: Role | null;
	device: string | null;
	/** The revoked device's name at sign-in, when the relay has it. */
	deviceName?: string | null;
}

const ACTION_KEYS = {
	role: 'audit.action.role',
	revoke: 'audit.action.revoke',
	'revoke-device': 'audit.action.revokeDevice'
} as const satisfies Record<PersonChange['action'], MessageKey>;

export function personRow(change: PersonChange, index: number): AuditRow {
	const role = (r: Role | null): string => (r === null ? '' : t(`role.${r}`));
	const actionText = t(ACTION_KEYS[change.action]);
	return {
		id: `person-${change.atMs}-${index}`,
		atMs: change.atMs,
		when: fmtDateTime(change.atMs),
		user: change.by,
		device: change.deviceName || change.device || '',
		kind: 'person',
		kindText: t('audit.kind.person'),
		recordId: change.user,
		recordText: change.user,
		field: 'role',
		fieldText: t('audit.field.role'),
		fieldGroupText: t('audit.field.role'),
		actionText,
		oldText: role(change.oldRole),
		newText: change.action === 'role' ? role(change.newRole) : actionText,
		viaImport: false
	};
}
