// Where the relay lives: the same origin that served the app, over ws: or wss:.

export interface LocationLike {
	protocol: string;
	host: string;
}

export function wsOriginOf(location: LocationLike): string {
	return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
}

/** y-websocket appends `/<room>`; the room is the doc name. */
export function syncServerUrl(wsOrigin: string, workspace: string): string {
	return `${wsOrigin}/sync/${encodeURIComponent(workspace)}`;
}
