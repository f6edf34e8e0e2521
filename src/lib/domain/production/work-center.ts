// Work centres (工作中心): a line, cell or machine group that routing steps run on, with the
// hours it can work in a week. Load per week is compared against this capacity.

import { z } from 'zod';
import { CODE_MAX_LENGTH, CODE_PATTERN } from '../catalog/code';

export const workCenterSchema = z.object({
	id: z.string().min(1).max(64),
	code: z
		.string()
		.trim()
		.min(1, 'required')
		.max(CODE_MAX_LENGTH)
		.regex(CODE_PATTERN, 'letters, digits and . _ - / only'),
	name: z.string().trim().min(1, 'required').max(200),
	capacityHoursPerWeek: z
		.number()
		.finite()
		.nonnegative()
		.max(168 * 50),
	/** Labour and overhead per hour on this centre, in cents: completions cost their steps at it. */
	costPerHourCents: z.number().int().nonnegative().max(100_000_000).default(0),
	active: z.boolean().default(true)
});
export type WorkCenter = z.infer<typeof workCenterSchema>;
export type WorkCenterInput = z.input<typeof workCenterSchema>;
