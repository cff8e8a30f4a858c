import { createHash } from 'node:crypto';
import { bearerToken, parseTokens, tokenDigest } from './auth.js';

const hex = (token: string) => createHash('sha256').update(token).digest('hex');

describe('parseTokens', () => {
  it('given plain and hashed entries, named or not, when parsed, then each holds the digest of its token and a name', () => {
    const [plain, named, hashed, hashedNamed] = parseTokens(['viewer:plain-token-0123456789', 'planner:alice:alice-token-0123456789', `admin:sha256:${hex('root-token-0123456789')}`, `viewer:ops:sha256:${hex('ops-token-0123456789').toUpperCase()}`]);
    expect(plain!.digest).toEqual(tokenDigest('plain-token-0123456789'));
    expect(plain!.principal).toEqual({ role: 'viewer', name: `viewer-${hex('plain-token-0123456789').slice(0, 8)}` });
    expect(named!.principal).toEqual({ role: 'planner', name: 'alice' });
    expect(named!.digest).toEqual(tokenDigest('alice-token-0123456789'));
    expect(hashed!.digest).toEqual(tokenDigest('root-token-0123456789'));
    expect(hashed!.principal).toEqual({ role: 'admin', name: `admin-${hex('root-token-0123456789').slice(0, 8)}` });
    expect(hashedNamed!.digest).toEqual(tokenDigest('ops-token-0123456789'));
    expect(hashedNamed!.principal).toEqual({ role: 'viewer', name: 'ops' });
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer   abc', 'abc'],
    ['Basic abc', undefined],
    ['Bearer a b', undefined],
    ['Bearer', undefined],
    [undefined, undefined],
  ])('given %p, when read, then the token is %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
