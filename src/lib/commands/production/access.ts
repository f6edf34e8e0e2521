// Who may write production data: the doc's writers (requireWrite, schema check included) and,
// within them, production and admin. Checked before a command's first transaction.

import { ForbiddenError } from '../../domain/errors';
import { requireWrite } from '../access';
import type { CommandContext } from '../context';

export function requireProduction(ctx: CommandContext, docName: 'catalog' | 'orders'): void {
	requireWrite(ctx, docName);
	if (ctx.role !== 'production' && ctx.role !== 'admin')
		throw new ForbiddenError(ctx.role, `write production data in ${docName}`);
}
