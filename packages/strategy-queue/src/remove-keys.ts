import type { Redis } from 'ioredis';

/** Remove every key matching `pattern` (a SCAN pattern), in batches; resolves to how many were removed. */
export async function removeKeys(redis: Redis, pattern: string): Promise<number> {
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) removed += await redis.unlink(...keys);
  } while (cursor !== '0');
  return removed;
}
