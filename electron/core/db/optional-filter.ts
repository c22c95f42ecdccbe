/** A WHERE clause from a screen's optional filters: a condition joins only when its value was given. */
export class OptionalFilter {
  private readonly conditions: string[];
  readonly params: Record<string, string | number>;

  constructor(companyCondition: string, companyId: number) {
    this.conditions = [companyCondition];
    this.params = { companyId };
  }

  /** `condition` names its value as @key. An empty string counts as not given (a cleared filter field). */
  add(condition: string, key: string, value: string | number | undefined): this {
    if (value === undefined || value === '') return this;
    this.conditions.push(condition);
    this.params[key] = value;
    return this;
  }

  get sql(): string {
    return this.conditions.join(' AND ');
  }
}
