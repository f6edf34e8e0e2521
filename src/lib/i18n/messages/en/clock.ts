// en messages: time you can trust (see zh-TW/clock.ts).
import type { clock as source } from '../zh-TW/clock';

export const clock: Record<keyof typeof source, string> = {
	'error.far-stamp':
		'{count, plural, one {# related entry is} other {# related entries are}} stamped far from the server’s time (a device clock was wrong); an administrator must confirm before this goes ahead',
	'count.farStamp.title': 'Entries with a doubtful time',
	'count.farStamp.body':
		'{count, plural, one {# entry bearing on this count is} other {# entries bearing on this count are}} stamped far from the server’s time. The book is computed in time order, so approving now may post wrong differences.',
	'count.farStamp.confirm': 'I have checked — approve anyway',
	'count.farStamp.adminOnly': 'Ask an administrator to check and approve.',
	'clock.review': 'See the entries with a doubtful time',
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
	'clock.exact': 'on time',
	'error.not-repairable':
		'This entry cannot be repaired here (repair it from its document, or it is itself a reversal)',
	'error.already-repaired': 'This entry is already reversed',
	'error.reentry-time': 'The re-entry time cannot be later than now or before 2020',
	'clock.col.repair': 'Repair',
	'clock.repair.start': 'Reverse and repair…',
	'clock.repair.title': 'Repair a stock movement with a wrong time',
	'clock.repair.intro': 'The original entry is neither deleted nor changed. Confirming writes:',
	'clock.repair.reversal': 'Reversal',
	'clock.repair.stampedNow': '(recorded at the server’s time now)',
	'clock.repair.reenter': 'Re-enter at the correct time',
	'clock.repair.at': 'Happened at',
	'clock.repair.atHint':
		'Defaults to the entry’s time less the device clock’s error; not later than now.',
	'clock.repair.resultReentered':
		'Result: on hand does not change; the movement counts at the correct time in the book and in valuation.',
	'clock.repair.resultReversed':
		'Result: the movement’s quantity is taken back out of stock, as if it never happened.',
	'clock.repair.confirm': 'Confirm repair',
	'clock.repair.okReentered': 'Reversed and re-entered at the correct time.',
	'clock.repair.okReversed': 'Reversed.',
	'clock.repair.doneReentered': 'Repaired: reversed, re-entered at {at}',
	'clock.repair.doneReversed': 'Repaired: reversed',
	'clock.repair.lot': 'lot {lot}',
	'farEvent.body':
		'This document’s last entry is stamped ahead of the server’s time (a device clock was wrong). Recorded now, this would sort before it and be overruled; confirmed, it is recorded just after it.',
	'farEvent.confirm': 'I have checked — go ahead',
	'count.held.title': 'Re-check of this count on hold',
	'count.held.body':
		'{count, plural, one {# movement bearing on this count is} other {# movements bearing on this count are}} stamped far from the server’s time; in time order they would change the count’s corrections, so none are posted yet.',
	'count.held.admin':
		'Reverse and repair them on the Device clocks page; the count is then re-checked automatically.',
	'count.held.repair': 'Repair on the Device clocks page',
	'count.held.others':
		'Ask an administrator to repair them on the Device clocks page; the count is then re-checked automatically.'
};
