import { describe, expect, it } from 'vitest';
import { regressions, renderComparison } from '../../bench/compare.js';
import type { BenchResult, WorkloadResult } from '../../bench/report.js';

const spread = (median: number) => ({ median, min: median, max: median, samples: [median] });

function workload(api: number, p50: number, cpu: number): WorkloadResult {
  return {
    name: 'lookup-by-id',
    title: 'lookup by id',
    skipped: null,
    statementsPerRequest: 1,
    dbHits: { perRequest: 14, byStatement: { 'read/entities-by-id': 14 } },
    throughput: { api: spread(api), floor: spread(1000), ratio: api / 1000 },
    latency: {
      rate: 100,
      api: { p50: spread(p50), p90: spread(p50 * 2), p99: spread(p50 * 3) },
      floor: { p50: spread(3), p90: spread(6), p99: spread(9) },
      ratioP50: p50 / 3,
    },
    apiCpuMsPerRequest: cpu,
    apiRssMb: 200,
    errors: { api: 0, floor: 0, dropped: 0, first: null },
  } as WorkloadResult;
}

function result(workloads: WorkloadResult[], mode: 'quick' | 'full' = 'quick'): BenchResult {
  return {
    version: 1,
    finishedAt: '2026-12-01T00:00:00Z',
    settings: { mode, scale: mode === 'quick' ? 0.1 : 1 },
    dataset: { attackImport: { seconds: 10 } },
    startup: null,
    apiPeakRssMb: 250,
    workloads,
  } as unknown as BenchResult;
}

describe('bench --compare', () => {
  it('reports figures that moved the wrong way by more than 20%, worst first', () => {
    const before = result([workload(500, 4, 2)]);
    const after = result([workload(390, 4.4, 3)]);
    const found = regressions(before, after);
    expect(found.map((r) => r.what)).toEqual([
      'lookup by id: API CPU ms per request',
      'lookup by id: API requests/s',
      'lookup by id: API/floor throughput',
    ]);
    expect(found[0]!.worse).toBeCloseTo(0.5);
  });

  it('says so when nothing got worse, and warns when the runs are not alike', () => {
    const text = renderComparison(result([workload(500, 4, 2)], 'full'), result([workload(600, 3, 1)]), 'old.json');
    expect(text).toContain('nothing got worse by more than 20%');
    expect(text).toContain('warning: that run was full at scale 1');
  });
});
