import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { EVENT_CATALOGUE, EVENT_TYPES } from './catalogue.js';

/** The catalogue feeds the OpenAPI document: every data schema must convert without `.openapi()` extensions. */
describe('OpenAPI', () => {
  it('turns every event data schema into a JSON schema component', () => {
    const definitions = EVENT_TYPES.map((type) => ({ type: 'schema' as const, schema: EVENT_CATALOGUE[type].data.meta({ id: type }) }));
    const doc = new OpenApiGeneratorV31(definitions).generateDocument({ openapi: '3.1.0', info: { title: 'events', version: '1' } });
    const schemas = (doc.components?.schemas ?? {}) as Record<string, { required?: string[]; properties?: Record<string, { enum?: unknown[]; oneOf?: unknown[] }>; additionalProperties?: boolean }>;
    expect(Object.keys(schemas).sort()).toEqual([...EVENT_TYPES].sort());
    const queue = schemas.QueueDefined!;
    expect(queue.required).toEqual(expect.arrayContaining(['queueId', 'channel', 'serviceTarget', 'openingHours', 'regulatory']));
    expect(queue.required).not.toContain('callerPatienceSeconds');
    expect(queue.properties?.channel?.enum).toEqual(['phone', 'chat', 'email', 'social']);
    expect(queue.properties?.serviceTarget?.oneOf).toHaveLength(2);
    expect(queue.additionalProperties).toBe(false);
  });
});
