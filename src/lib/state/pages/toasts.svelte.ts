// Transient notifications shown by the app shell's Toaster.
export interface Toast {
	id: number;
	tone: 'success' | 'error' | 'info';
	message: string;
}

export const toasts = $state<{ list: Toast[] }>({ list: [] });
let nextId = 1;

const LIFETIME_MS = { success: 4500, info: 4500, error: 8000 } as const;

export function toast(message: string, tone: Toast['tone'] = 'success'): void {
	const id = nextId++;
	toasts.list = [...toasts.list.slice(-3), { id, tone, message }];
	setTimeout(() => dismissToast(id), LIFETIME_MS[tone]);
}

export function dismissToast(id: number): void {
	toasts.list = toasts.list.filter((x) => x.id !== id);
}
