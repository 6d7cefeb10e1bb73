import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The platform as a deployment runs it, its config from the environment (server-process.ts). */
export const PLATFORM_PROCESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-process.ts');

export type ServerProcess = { child: ChildProcess; port: number; url: string };

/**
 * Starts a server script (TypeScript, through tsx) as a child process that prints `READY <port>` once it listens:
 * the platform for the multi-process test and the HTTP benchmark, the bare reference server for the benchmark.
 */
export const startServerProcess = (file: string, env: Record<string, string>, nodeFlags: string[] = []) =>
  new Promise<ServerProcess>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = /READY (\d+)/.exec(String(chunk));
      if (ready) resolve({ child, port: Number(ready[1]), url: `http://127.0.0.1:${ready[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`${path.basename(file)} stopped (${code}) before it was ready`)));
  });

/** Stops it with SIGTERM (a clean exit, so that `--cpu-prof` writes its profile) and waits until it has gone. */
export const stopServerProcess = (server: ServerProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!server || server.child.exitCode !== null) return resolve();
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
