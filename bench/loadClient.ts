import type { FloorPlan } from './capture.js';
import { Child } from './child.js';
import type { RunJob, RunResult } from './load.js';

/** Drives the load generator process (bench/load.ts). */
export class LoadClient {
  private readonly child: Child;
  private jobs = 0;

  private constructor(child: Child) {
    this.child = child;
  }

  static async start(
    apiUrl: string,
    neo4j: { uri: string; user: string; password: string; database: string | undefined },
    peerUrl?: string,
  ): Promise<LoadClient> {
    const child = new Child(['bench/load.ts'], { ...process.env });
    await child.next();
    const client = new LoadClient(child);
    await child.request({ type: 'connect', apiUrl, peerUrl, neo4j });
    return client;
  }

  async prepare(name: string, bodies: string[], plans: FloorPlan[], peerBodies?: string[]): Promise<void> {
    await this.child.request({ type: 'workload', name, bodies, plans, peerBodies });
  }

  async run(job: Omit<RunJob, 'type' | 'id'>): Promise<RunResult> {
    this.jobs += 1;
    return (await this.child.request({ ...job, type: 'run', id: this.jobs })) as unknown as RunResult;
  }

  async close(): Promise<void> {
    this.child.process.send({ type: 'close' });
    await this.child.stop('SIGTERM', 10_000);
  }
}
