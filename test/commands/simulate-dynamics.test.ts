import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenarioIds, loadScenario } from '../../src/content/scenario-file.js';
import { isDynamicScenario } from '../../src/engine/sim/dynamics.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

function scenarioFile(text: string): string {
  const path = join(tempDir(), 's.yaml');
  writeFileSync(path, text);
  return path;
}

const KAFKA =
  'kind: kafka\nname: tiny-topic\nduration: 20s\nproducer: { rate: 300, arrival: constant, partitioner: least-bytes }\ntopic: { partitions: 3 }\nconsumers: { count: 3, processing: { dist: constant, mean: 5ms } }\n';

describe('simulate with the dynamics kinds', () => {
  it('--json prints one document with the kind and its per-second timeline', async () => {
    const { code, stdout, stderr } = await runCli(['simulate', scenarioFile(KAFKA), '--json', '--seed', '4']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ scenario: 'tiny-topic', kind: 'kafka', seed: 4, simulatedSeconds: 20 });
    expect(r.timeline).toHaveLength(20);
    // 100/s per partition against 200/s per consumer: nothing builds up.
    expect(r.analytic.backlogGrowthPerSec).toBe(0);
    expect(r.messages.produced).toBe(6000);
  });

  it('text: the summary, the consumer-groups table and charts that fit 80 columns', async () => {
    const { code, stdout } = await runCli(['simulate', scenarioFile(KAFKA)], { columns: 80 });
    expect(code).toBe(0);
    expect(stdout).toContain('PARTITION  CURRENT-OFFSET  LOG-END-OFFSET');
    expect(stdout).toContain('the group can process 600 msg/s, sustains 300 · backlog grows 0 msg/s');
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it.each(builtinScenarioIds().filter((id) => isDynamicScenario(loadScenario(id).scenario)))(
    'built-in %s prints a report within 80 columns',
    async (id) => {
      const { code, stdout } = await runCli(['simulate', id], { columns: 80 });
      expect(code).toBe(0);
      expect(stdout).toContain(id);
      for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    },
  );

  it('a bad field is one line naming the file, field and line, exit 2', async () => {
    const path = scenarioFile(KAFKA.replace('partitions: 3', 'partitions: 0').replace('mean: 5ms', 'mean: soon'));
    const { code, stdout, stderr } = await runCli(['simulate', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${path}:5: topic.partitions: must be at least 1`);
    expect(stderr).toContain(`${path}:6: consumers.processing.mean: must be a duration`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
