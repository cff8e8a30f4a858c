import { asPlanner, queueBody, TOKENS_ENV } from '../support/fixtures.js';
import { STORE_KINDS, type OpenedStore } from '../support/store-kinds.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(STORE_KINDS)('If-Match: -1 (create only) on $name', (kind) => {
  let opened: OpenedStore;
  let t: TestApp;
  beforeEach(async () => {
    opened = await kind.open();
    t = await startTestApp(TOKENS_ENV, opened.store);
  });
  afterEach(async () => {
    await t.close();
    await opened.cleanup();
  });

  it('creates a new stream, then answers 409 and writes nothing when the stream exists', async () => {
    const createOnly = { ...asPlanner, 'if-match': '"-1"' };
    const created = await t.request('POST', '/v1/queues', { body: queueBody(), headers: createOnly });
    expect(created.status).toBe(201);
    const head = await opened.store.headPosition();

    // The same definition again would be a no-op (200) without the header; create-only refuses it.
    const again = await t.request('POST', '/v1/queues', { body: queueBody(), headers: createOnly });
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ stream: 'queue-us-kyc-chat', expectedRevision: 'no_stream', actualRevision: '0' });

    const routing = { routing: { markets: ['US'], categories: ['kyc'], languages: ['en'], channels: ['chat'] } };
    const change = await t.request('PUT', '/v1/queues/us-kyc-chat/routing', { body: routing, headers: createOnly });
    expect(change.status).toBe(409);
    expect(await opened.store.headPosition()).toBe(head);
  });
});
