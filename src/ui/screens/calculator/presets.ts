/** Starting points for the calculator: Go Coffee and the classic interview systems. */
export interface Preset {
  name: string;
  inputs: Record<string, string>;
}

export const PRESETS: Preset[] = [
  {
    name: 'Go Coffee orders',
    // 2M orders a day; the seed's gateway question is 1000 req/s, about what a lunch peak of 40× the average reaches.
    inputs: {
      dau: '2M',
      requestsPerUser: '1',
      peakFactor: '40',
      readWrite: '1:1',
      payload: '1KB',
      recordSize: '2KB',
      retention: '1y',
      replication: '3',
      serverRps: '400',
      utilization: '0.7',
      latency: '50ms',
      availability: '99.99',
      partitionRps: '100',
      consumerRps: '200',
      queryTime: '5ms',
      queriesPerRequest: '3',
    },
  },
  {
    name: 'URL shortener',
    inputs: {
      dau: '100M',
      requestsPerUser: '1',
      peakFactor: '3',
      readWrite: '100:1',
      payload: '500B',
      recordSize: '500B',
      retention: '5y',
      replication: '3',
      serverRps: '2k',
      utilization: '0.7',
      latency: '20ms',
      hotFraction: '0.2',
      availability: '99.9',
    },
  },
  {
    name: 'Chat app',
    inputs: {
      dau: '50M',
      requestsPerUser: '40',
      peakFactor: '2',
      readWrite: '1:1',
      payload: '200B',
      recordSize: '200B',
      retention: '1y',
      replication: '3',
      serverRps: '5k',
      utilization: '0.6',
      latency: '100ms',
      availability: '99.95',
    },
  },
  {
    name: 'News feed',
    inputs: {
      dau: '300M',
      requestsPerUser: '10',
      peakFactor: '2',
      readWrite: '20:1',
      payload: '10KB',
      recordSize: '1KB',
      retention: '5y',
      replication: '3',
      serverRps: '1k',
      utilization: '0.7',
      latency: '200ms',
      hotFraction: '0.2',
      availability: '99.99',
    },
  },
];
