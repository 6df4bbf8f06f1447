/** The server's answer: the letters a…z repeated to `bytes` bytes, allocated once and sent to every request. */
export function alphabetBody(bytes: number): Buffer {
  const body = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < bytes; i++) body[i] = 97 + (i % 26);
  return body;
}
