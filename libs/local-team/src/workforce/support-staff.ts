/** Ratios and fixed roles that size the team around the agents. */
export interface TeamStructure {
  agentsPerTeamLead: number;
  agentsPerQa: number;
  trainersPerClass: number;
  fixedRoles: Readonly<Record<string, number>>;
}

export interface SupportStaff {
  teamLeads: number;
  qa: number;
  trainers: number;
  /** Count per fixed role (manager, WFM analyst…). */
  fixed: Record<string, number>;
  /** Everyone above, in people. */
  total: number;
}

/**
 * Support headcount for a month: team leads ⌈trained agents / agentsPerTeamLead⌉ and QA analysts
 * ⌈trained agents / agentsPerQa⌉ for the agents who have finished training (trainees are with their
 * trainers), trainersPerClass for each class in training, and every fixed role from the plan's
 * first month. Ratios round up because a fraction of a team lead is still a team lead to hire; an
 * expected headcount within 1e-6 of a multiple does not tip over to the next one.
 *
 * Units: people. O(fixed roles).
 *
 * @example
 * supportStaff(23.5, 2, { agentsPerTeamLead: 10, agentsPerQa: 15, trainersPerClass: 1, fixedRoles: { manager: 1 } })
 * // { teamLeads: 3, qa: 2, trainers: 2, fixed: { manager: 1 }, total: 8 }
 */
export function supportStaff(trainedAgents: number, classesInTraining: number, structure: TeamStructure): SupportStaff {
  const ratio = (agents: number, per: number) => Math.max(0, Math.ceil(agents / per - 1e-6));
  const teamLeads = ratio(trainedAgents, structure.agentsPerTeamLead);
  const qa = ratio(trainedAgents, structure.agentsPerQa);
  const trainers = structure.trainersPerClass * classesInTraining;
  const fixed = { ...structure.fixedRoles };
  const total = teamLeads + qa + trainers + Object.values(fixed).reduce((a, b) => a + b, 0);
  return { teamLeads, qa, trainers, fixed, total };
}
