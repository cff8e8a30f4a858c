/**
 * @staffcast/roster — the roster bounded context: the pure agent decider for
 * `agent-<id>` streams (hire, certify, schedule, absence, departure). Decisions throw `DomainError`
 * from @staffcast/events.
 */
export {
  agentDecider,
  decideAgent,
  evolveAgent,
  initialAgentState,
  AGENT_COMMAND_SCHEMAS,
  type AgentCommand,
  type AgentState,
  type AgentErrorCode,
} from './agent-decider.js';
