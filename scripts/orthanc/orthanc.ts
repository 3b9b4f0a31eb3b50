/**
 * A throw-away Orthanc with its DICOMweb plugin, for tests and for trying DICOMweb cases by hand: its own config
 * and storage in a temp folder, a free port, loopback clients only, no DIMSE port. Orthanc 1.10 cannot bind one
 * address (it listens on all interfaces), so `RemoteAccessAllowed: false` is what keeps other hosts out; send it
 * traffic only on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port';

export const ORTHANC_BIN = process.env.ORTHANC_BIN ?? '/usr/sbin/Orthanc';
export const DICOMWEB_PLUGIN = process.env.ORTHANC_DICOMWEB_PLUGIN ?? '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';
/** Where Orthanc's DICOMweb plugin answers; the app's "local" server is the same path on its own origin. */
export const DICOMWEB_ROOT = '/dicom-web';

const STATE_PID = 'orthanc.pid';
const STATE_CONFIG = 'orthanc.json';
const START_TIMEOUT_MS = 15_000;
const PARALLEL_UPLOADS = 4;

export interface RunningOrthanc {
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The temp folder with its config, storage, log and pid file; removed by stopOrthanc. */
  dir: string;
  /** Its DICOM (DIMSE) port, when started with `dicom: true`; its AE title is ORTHANC. */
  dicomPort?: number;
  /** How long it took to answer /system, and to take the uploads, in ms. */
  timings: { startMs: number; uploadMs: number };
}

export function orthancInstalled(): boolean {
  return existsSync(ORTHANC_BIN) && existsSync(DICOMWEB_PLUGIN);
}

/** Every .dcm file in the given files and folders (recursively), sorted for a stable upload order. */
export function dicomFilesIn(paths: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (path: string): void => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else if (path.endsWith('.dcm')) out.push(path);
  };
  for (const path of paths) visit(path);
  return out;
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, 'orthanc.log'), 'utf8').trim().split('\n').slice(-8).join('\n');
  } catch {
    return '(no log)';
  }
}

/** True while the process runs; a zombie (exited, not yet reaped by its parent) counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true; // no /proc: trust the signal test
  }
}

async function waitUntilAnswering(url: string, pid: number, dir: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!alive(pid)) throw new Error(`Orthanc exited while starting:\n${logTail(dir)}`);
    try {
      if ((await fetch(`${url}/system`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Orthanc did not answer ${url}/system within ${START_TIMEOUT_MS / 1000} s:\n${logTail(dir)}`);
}

async function upload(url: string, files: readonly string[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      const r = await fetch(`${url}/instances`, { method: 'POST', body: await readFile(file) });
      if (!r.ok) throw new Error(`Orthanc refused ${file}: HTTP ${r.status} ${await r.text()}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, files.length) }, worker));
}

/**
 * Starts Orthanc in the background (it outlives this process until stopOrthanc), waits until it answers and
 * uploads `files`. On any failure it is stopped again before the error is thrown.
 */
export async function startOrthanc(files: readonly string[] = [], options: { dicom?: boolean } = {}): Promise<RunningOrthanc> {
  if (!orthancInstalled()) throw new Error(`Orthanc or its DICOMweb plugin is missing (${ORTHANC_BIN}, ${DICOMWEB_PLUGIN})`);
  const dir = mkdtempSync(join(tmpdir(), 'orthanc-'));
  const port = await freePort();
  // A DICOM port only when a test routes objects to it as a PACS would (storescu); C-STORE from any AE is taken.
  const dicomPort = options.dicom ? await freePort() : undefined;
  const url = `http://127.0.0.1:${port}`;
  const config = {
    Name: 'case-viewer-test',
    HttpPort: port,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    DicomServerEnabled: dicomPort !== undefined,
    ...(dicomPort !== undefined ? { DicomPort: dicomPort, DicomAet: 'ORTHANC', DicomCheckCalledAet: false, DicomAlwaysAllowStore: true } : {}),
    StorageDirectory: join(dir, 'storage'),
    IndexDirectory: join(dir, 'index'),
    StorageCompression: false,
    SaveJobs: false,
    // Two cores here: a few threads answer a test's requests as fast as many.
    HttpThreadsCount: 8,
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: `${DICOMWEB_ROOT}/`, EnableWado: false },
  };
  writeFileSync(join(dir, STATE_CONFIG), JSON.stringify(config, null, 2));
  const log = openSync(join(dir, 'orthanc.log'), 'a');
  const started = Date.now();
  const child = spawn(ORTHANC_BIN, [join(dir, STATE_CONFIG)], { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Orthanc could not be started (${ORTHANC_BIN})`);
  writeFileSync(join(dir, STATE_PID), String(pid));
  const running: RunningOrthanc = { pid, port, url, dir, dicomPort, timings: { startMs: 0, uploadMs: 0 } };
  try {
    await waitUntilAnswering(url, pid, dir);
    running.timings.startMs = Date.now() - started;
    const uploadStart = Date.now();
    await upload(url, files);
    running.timings.uploadMs = Date.now() - uploadStart;
  } catch (e) {
    await stopOrthanc(dir);
    throw e;
  }
  return running;
}

/** Stops the Orthanc started in `dir` (by the pid recorded there) and removes its folder. Safe to call twice. */
export async function stopOrthanc(dir: string): Promise<void> {
  const pidFile = join(dir, STATE_PID);
  // The folder is deleted below: only ever one that startOrthanc made.
  if (!existsSync(join(dir, STATE_CONFIG))) throw new Error(`${dir} is not a folder made by startOrthanc (no ${STATE_CONFIG})`);
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : NaN;
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    // SIGKILL, not SIGTERM: a graceful stop takes Orthanc 1.10 about 2.5 s (its HTTP threads wind down), and its
    // storage is deleted right after anyway.
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 5000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The synchronous last resort for a process exiting on failure: no waiting, just the signal. */
export function killOrthancNow(running: RunningOrthanc): void {
  if (alive(running.pid)) process.kill(running.pid, 'SIGKILL');
  rmSync(running.dir, { recursive: true, force: true });
}
