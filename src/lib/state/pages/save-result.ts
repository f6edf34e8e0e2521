// What a view model's save returns to its page: a success message for the toast, or a failure
// whose message (if any) is not tied to a field and goes to an error toast.
import { toast } from './toasts.svelte';

export type SaveResult = { ok: true; message: string } | { ok: false; message: string | null };

/** Shows the result as a toast; true when it saved. */
export function announce(result: SaveResult): boolean {
	if (result.ok) toast(result.message);
	else if (result.message) toast(result.message, 'error');
	return result.ok;
}
