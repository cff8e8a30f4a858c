/**
 * @staffcast/demo — the reproducible demo operation, pure: queues, 28 weeks of tickets that follow
 * each market's local clock, launches, holidays and a Kuala Lumpur roster, as commands from a seed.
 * The API's `--demo` and the benchmarks record it through the command handlers.
 */
export { demoOperation, type DemoOperation, type DemoOptions } from './demo-operation.js';
export { Rng } from './random.js';
