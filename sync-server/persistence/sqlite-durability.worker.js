// The durability thread of STOCKFLOW_SQLITE_SYNC=split: makes committed transactions survive
// power loss. The writer thread commits with synchronous=NORMAL (the commit sits in the WAL file
// in the OS page cache: a crash of the process loses nothing, a power cut may); here one
// fdatasync of the WAL file covers every commit written before it started. Checkpoints run here
// too, so neither the writer nor the relay's thread ever waits for the disk.
// Plain JavaScript: a worker thread does not inherit the tsx loader of the CLI.

import { closeSync, fdatasyncSync, fstatSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @typedef {{ id: number, sync: true } | { id: number, close: true } | { id: number, ping: true }} Request */

/** Fold the WAL into the database at most this often (each costs a database fsync). */
const CHECKPOINT_EVERY_MS = 1000;

const port = parentPort;
if (!port) throw new Error('sqlite-durability.worker.js must run as a worker thread');

const file = String(workerData.file);
const wal = `${file}-wal`;
const db = new Database(file);
// NORMAL: a checkpoint fsyncs the WAL before copying it and the database file after, so what a
// later WAL reset overwrites is already on disk in the database file.
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');

/** Inode of the WAL file when its directory entry was last synced. */
let walInode = -1;
let lastCheckpointMs = 0;

/** fsync of a path opened read-only (Linux syncs any descriptor of a regular file or dir). */
function fsyncPath(path) {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/**
 * Makes every commit written before this call durable. A fresh descriptor each time: SQLite
 * reuses the WAL file from its start after a checkpoint (same inode; what it overwrites was
 * checkpointed and synced into the database first) and deletes it when the last connection
 * closes, so a kept descriptor could sync a file nobody writes to any more.
 */
function syncWal() {
	let fd;
	try {
		fd = openSync(wal, 'r');
	} catch (err) {
		// No WAL file: everything is in the database file (the last close checkpointed it).
		if (err && typeof err === 'object' && 'code' in err && err.code === 'ENOENT') {
			fsyncPath(file);
			return;
		}
		throw err;
	}
	let inode;
	try {
		fdatasyncSync(fd);
		inode = fstatSync(fd).ino;
	} finally {
		closeSync(fd);
	}
	// A new WAL file is only durable once its directory entry is.
	if (inode !== walInode) {
		fsyncPath(dirname(file));
		walInode = inode;
	}
}

function checkpointIfDue() {
	const now = Date.now();
	if (now - lastCheckpointMs < CHECKPOINT_EVERY_MS) return;
	lastCheckpointMs = now;
	// PASSIVE never waits for readers or the writer; frames it cannot fold yet wait for the next.
	db.pragma('wal_checkpoint(PASSIVE)');
}

// What an earlier run left in the WAL (maybe killed before its last sync) becomes durable
// before this run confirms anything.
syncWal();
fsyncPath(file);

port.on(
	'message',
	/** @param {Request} request */
	(request) => {
		if ('close' in request) {
			db.close();
			port.postMessage({ id: request.id });
			return;
		}
		if ('ping' in request) {
			port.postMessage({ id: request.id });
			return;
		}
		try {
			syncWal();
			port.postMessage({ id: request.id });
		} catch (err) {
			port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
			return;
		}
		try {
			checkpointIfDue();
		} catch (err) {
			// Not a busy database (PASSIVE does not wait): the disk failed. Id 0 answers no request.
			port.postMessage({ id: 0, error: err instanceof Error ? err.message : String(err) });
		}
	}
);
