import type { Attempt } from '../drill/attempt.js';

/**
 * An attempt's identity, the key history links and imports merge by: its own `id` when it has one,
 * else the question and the moment it was saved (an ISO time to the millisecond), which no two
 * attempts at one question share.
 */
export function attemptId(attempt: Attempt & { id?: unknown }): string {
  return typeof attempt.id === 'string' && attempt.id !== '' ? attempt.id : `${attempt.questionId}@${attempt.at}`;
}
