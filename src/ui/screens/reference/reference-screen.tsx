import { downtimePerYear } from '../../../engine/capacity/availability.js';
import { formatDuration } from '../../../engine/capacity/units.js';
import { Frame, useBodyRows } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { bold as B, dim as D } from '../../theme.js';

function nines(): string[] {
  return ['90', '99', '99.5', '99.9', '99.95', '99.99', '99.999'].map((p) => {
    const year = downtimePerYear(Number(p) / 100);
    return `  ${`${p}%`.padEnd(9)} ${formatDuration(year).padStart(9)} /year  ${formatDuration(year / 12).padStart(9)} /month  ${formatDuration(year / 365).padStart(9)} /day`;
  });
}

/** The reference card: numbers to know by heart for estimation, each with its source. */
export function referenceLines(): string[] {
  return [
    B('Latency numbers every engineer should know'),
    D('  Jeff Dean (Google, ~2010), popularised by Peter Norvig; orders of magnitude, not benchmarks'),
    '  L1 cache reference                        0.5 ns',
    '  Branch mispredict                           5 ns',
    '  L2 cache reference                          7 ns',
    '  Mutex lock/unlock                          25 ns',
    '  Main memory reference                     100 ns',
    '  Compress 1 KB with a fast compressor        3 µs',
    '  Send 1 KB over a 1 Gbps network            10 µs',
    '  Read 4 KB randomly from an SSD            150 µs',
    '  Read 1 MB sequentially from memory        250 µs',
    '  Round trip within a datacenter            500 µs',
    '  Read 1 MB sequentially from an SSD          1 ms',
    '  Disk seek                                  10 ms',
    '  Read 1 MB sequentially from disk           20 ms',
    '  Send a packet California → Netherlands → California   150 ms',
    '',
    B('Availability: the nines'),
    D('  computed here from (1 − A) × 365 days; a month is a year ÷ 12 (the SRE book uses the same convention)'),
    ...nines(),
    '',
    B('Powers of two'),
    D('  exact binary values; decimal units (KB = 1000 B) are what disks and networks quote'),
    '  2^10 = 1,024                ≈ 1 thousand   1 KiB',
    '  2^20 = 1,048,576            ≈ 1 million    1 MiB',
    '  2^30 = 1,073,741,824        ≈ 1 billion    1 GiB',
    '  2^40 = 1,099,511,627,776    ≈ 1 trillion   1 TiB',
    '  2^16 = 65,536 (ports)       2^32 ≈ 4.3 billion (IPv4 addresses)',
    '',
    B('Time conversions'),
    D('  arithmetic; a year is 365 days as everywhere in this app'),
    '  1 day  = 86,400 s        ≈ 10^5 s: 1M requests/day ≈ 12 req/s',
    '  1 month ≈ 2.6M s         1 year = 31,536,000 s ≈ 3 × 10^7 s',
    '  1 req/s ≈ 86k/day ≈ 2.6M/month ≈ 31.5M/year',
    "  Little's law: in flight = arrival rate × time in system (L = λW)",
  ];
}

const SCOPES = ['move', 'help', 'global'] as const;

export function ReferenceScreen() {
  const { columns } = useTerminalSize();
  const body = useBodyRows();
  useGlobalKeys(SCOPES);
  return (
    <Frame title="reference card" scopes={SCOPES}>
      <ScrollView lines={referenceLines()} height={body} width={columns - 1} arrows memoryKey="reference" />
    </Frame>
  );
}
