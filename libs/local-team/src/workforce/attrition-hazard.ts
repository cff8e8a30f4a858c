/**
 * Monthly attrition hazard from an annual attrition rate: the probability h that an agent on staff at
 * the start of a month leaves during it, such that surviving twelve months has probability
 * (1 − h)^12 = 1 − annualRate, i.e. h = 1 − (1 − annualRate)^(1/12).
 *
 * `annualRate` is a probability in [0, 1): the share of agents on staff now who will have left a year
 * from now (not leavers divided by average headcount). Dimensionless. O(1).
 *
 * @example monthlyAttritionHazard(0.3) // ≈ 0.029289 (1 − 0.7^(1/12))
 */
export function monthlyAttritionHazard(annualRate: number): number {
  if (!(annualRate >= 0 && annualRate < 1)) throw new RangeError(`annual attrition rate must be in [0, 1), got ${annualRate}`);
  return -Math.expm1(Math.log1p(-annualRate) / 12);
}
