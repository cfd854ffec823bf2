import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../src/config.js';

/**
 * A Node child process of the benchmark (TypeScript through tsx, unless `tsx` is false: the API runs
 * as `npm start` runs it) with an IPC channel; messages are answered in order, one request at a time.
 */
export class Child {
  readonly process: ChildProcess;
  private waiting: Array<{ resolve: (message: Record<string, unknown>) => void; reject: (error: Error) => void }> = [];
  private exited: string | undefined;
  stderr = '';

  constructor(args: string[], env: NodeJS.ProcessEnv, stdout: 'ignore' | 'inherit' = 'ignore', tsx = true) {
    this.process = spawn(process.execPath, tsx ? ['--import', 'tsx', ...args] : args, {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', stdout, 'pipe', 'ipc'],
    });
    this.process.stderr?.setEncoding('utf8');
    this.process.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-20_000);
    });
    this.process.on('message', (message: Record<string, unknown>) => {
      const next = this.waiting.shift();
      if (message.type === 'failed') next?.reject(new Error(String(message.message)));
      else next?.resolve(message);
    });
    this.process.on('exit', (code, signal) => {
      this.exited = signal ?? String(code);
      for (const waiter of this.waiting.splice(0))
        waiter.reject(new Error(`child exited (${this.exited}): ${this.stderr.slice(-2000)}`));
    });
  }

  /** The next message the child sends. */
  next(): Promise<Record<string, unknown>> {
    if (this.exited !== undefined) return Promise.reject(new Error(`child exited (${this.exited}): ${this.stderr.slice(-2000)}`));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  request(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = this.next();
    this.process.send(message);
    return answer;
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Sends a signal and waits for the process to end (SIGKILL after the timeout). */
  async stop(signal: NodeJS.Signals = 'SIGINT', timeoutMs = 90_000): Promise<void> {
    if (this.exited !== undefined) return;
    const ended = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill(signal);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    await ended;
    clearTimeout(timer);
  }
}
