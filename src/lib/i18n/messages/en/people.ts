// en messages: device sessions and the People and devices page. Typed against zh-TW.
import type { people as source } from '../zh-TW/people';
import { firstRun } from './first-run';

export const people: Record<keyof typeof source, string> = {
	...firstRun,
	'device.generic': 'Device',
	'device.androidTablet': 'Android tablet',
	'signin.linkUsed':
		'This sign-in link has already been used. Each invitation works once; ask your administrator for a new link.',
	'signin.linkExpired': 'This sign-in link has expired. Ask your administrator for a new link.',
	'signin.linkRevoked':
		'This sign-in link is no longer valid. Ask your administrator for a new link.',
	'session.endedTitle': 'This device was signed out',
	'session.endedBody':
		'An administrator ended this device’s access (or changed your role). Changes not yet synced stay on this device, where you can view and export them; they sync when the same user signs in again. Ask your administrator for a new sign-in link.',
	'user.device': 'This device: {name}',
	'people.menu': 'People and devices',
	'people.title': 'People and devices',
	'people.subtitle':
		'Invite colleagues, see who is signed in on which device, change a role or end access.',
	'people.forbidden': 'Only administrators manage people and devices.',
	'people.inviteTitle': 'Invite a colleague',
	'people.inviteRole': 'Role',
	'people.inviteCreate': 'Create invitation link',
	'people.inviteHint':
		'The link works once, until {time}. A tablet can scan the QR code to sign in.',
	'people.inviteLink': 'Invitation link',
	'people.copy': 'Copy link',
	'people.copied': 'Invitation link copied',
	'people.qrAlt': 'QR code of the invitation link',
	'people.list': 'People',
	'people.empty': 'Nobody has signed in on a device yet.',
	'people.user': 'User',
	'people.role': 'Role',
	'people.devices': 'Devices',
	'people.activeDevices': '{count} active',
	'people.lastSeen': 'Last seen',
	'people.appVersion': 'Version',
	'people.signedInAt': 'Signed in {time}',
	'people.status.active': 'Active',
	'people.status.signed-out': 'Signed out',
	'people.status.revoked': 'Revoked',
	'people.status.role-changed': 'Role changed',
	'people.changeRole': 'Change role',
	'people.roleChanged': '{user} is now {role}; give them the new sign-in link',
	'people.revokeUser': 'End this person’s access',
	'people.revokeDevice': 'Revoke device',
	'people.revoked': 'Access ended ({count} devices)',
	'people.refresh': 'Refresh',
	'people.loadFailed': 'Cannot reach the server; the people list needs a connection.',
	'people.actionFailed': 'That did not work; check the connection and try again.'
};
