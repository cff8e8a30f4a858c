import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.STORE_URL).toBe('sqlite:./var/staffcast.db');
    expect(config.API_TOKENS).toEqual([]);
  });

  it('parses tokens and ports', () => {
    const config = loadConfig({ PORT: '8080', API_TOKENS: 'planner:abcdefgh12345678, viewer:alice:zyxwvuts98765432' });
    expect(config.PORT).toBe(8080);
    expect(config.API_TOKENS).toEqual(['planner:abcdefgh12345678', 'viewer:alice:zyxwvuts98765432']);
  });

  it('accepts hashed tokens, named or not, and defaults the rate limit', () => {
    const hex = 'ab'.repeat(32);
    const config = loadConfig({ API_TOKENS: `admin:sha256:${hex},viewer:ops:sha256:${hex.toUpperCase()}` });
    expect(config.API_TOKENS).toEqual([`admin:sha256:${hex}`, `viewer:ops:sha256:${hex.toUpperCase()}`]);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(20_000);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ STORE_URL: 'postgres://x' }, 'STORE_URL'],
    [{ API_TOKENS: 'root:abcdefgh12345678' }, 'API_TOKENS'],
    [{ API_TOKENS: 'viewer:short' }, 'API_TOKENS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ API_TOKENS: 'viewer:sha256:abc' }, 'API_TOKENS'],
    [{ API_TOKENS: `viewer:ops:sha256:${'g'.repeat(64)}` }, 'API_TOKENS'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, 'RATE_LIMIT_PER_MINUTE'],
  ])('rejects %p naming %s', (env, field) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(field));
  });
});
