import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('numeric flags out of range: one line, exit 2, never a crash or Infinity', () => {
  it.each([
    [
      ['estimate', '--dau', '1e400', '--requests-per-user', '2'],
      'estimate: --dau: "1e400" is too large to compute with',
    ],
    [['estimate', '--rps', '1e309'], 'estimate: --rps: "1e309" is too large to compute with'],
    [
      ['estimate', '--dau', '1e300', '--requests-per-user', '1e300'],
      'estimate: the inputs are too large: requests per day overflows',
    ],
    [
      ['estimate', '--rps', '1e200', '--payload', '1e200TB'],
      'estimate: the inputs are too large: ingress at peak overflows',
    ],
    [
      ['simulate', 'retry-storm', '--seed', '1e30'],
      'simulate: --seed must be a whole number from 0 to 4294967295, not 1e30',
    ],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await runCli([...argv, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toContain(`gocoffee-drill: ${message}`);
  });
});
