// en messages: time you can trust (see zh-TW/clock.ts).
import type { clock as source } from '../zh-TW/clock';

export const clock: Record<keyof typeof source, string> = {
	'error.far-stamp':
		'{count, plural, one {# entry of this count is} other {# entries of this count are}} stamped far from the server’s time (a device clock was wrong); an administrator must confirm the approval',
	'count.farStamp.title': 'Entries with a doubtful time',
	'count.farStamp.body':
		'{count, plural, one {# entry bearing on this count is} other {# entries bearing on this count are}} stamped far from the server’s time. The book is computed in time order, so approving now may post wrong differences.',
	'count.farStamp.confirm': 'I have checked — approve anyway',
	'count.farStamp.adminOnly': 'Ask an administrator to check and approve.',
	'count.farStamp.review': 'See the entries with a doubtful time',
	'nav.clock': 'Device clocks',
	'clock.title': 'Device clocks and entries with a doubtful time',
	'clock.intro':
		'The server’s time is the reference: entries stamped more than 5 minutes ahead of it, or before 2020 (a reset clock), are kept but listed here.',
	'clock.empty': 'No entries with a doubtful time.',
	'clock.serverTime': 'Server time',
	'clock.thisOffset': 'This device’s clock is off the server’s by',
	'clock.col.at': 'Stamped',
	'clock.col.off': 'Off the server’s time',
	'clock.col.kind': 'Entry',
	'clock.col.ref': 'Reference',
	'clock.col.device': 'Device',
	'clock.col.offset': 'Device clock',
	'clock.kind.movement': 'Stock movement',
	'clock.kind.count-line': 'Counted quantity',
	'clock.kind.event': 'Document event',
	'clock.kind.audit': 'Master-data change',
	'clock.ahead': '{amount} ahead',
	'clock.behind': 'before 2020 (reset clock)',
	'clock.offset.unknown': 'unknown (never seen online)',
	'clock.days': '{count, plural, one {# day} other {# days}}',
	'clock.hours': '{count, plural, one {# hour} other {# hours}}',
	'clock.minutes': '{count, plural, one {# minute} other {# minutes}}',
	'clock.seconds': '{count, plural, one {# second} other {# seconds}}',
	'clock.fast': '{amount} fast',
	'clock.slow': '{amount} slow',
	'clock.exact': 'on time'
};
