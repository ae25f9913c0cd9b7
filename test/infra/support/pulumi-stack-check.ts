/** A `config:` entry of Pulumi.yaml in its long form. */
export interface Declaration {
  type?: 'string' | 'integer' | 'boolean' | 'array' | 'object';
  secret?: boolean;
  default?: unknown;
  value?: unknown;
  description?: string;
}
export type Declarations = Record<string, Declaration>;

const isSecure = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && 'secure' in v;

/** ValidateConfigValue (project.go): integers take whole numbers and numeric strings, booleans "true"/"false". */
function hasType(type: Declaration['type'], value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value));
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    default:
      return true;
  }
}

/**
 * The checks `pulumi up` runs on a stack's config against Pulumi.yaml before the program starts
 * (pulumi/pulumi pkg/workspace/config.go validateStackConfigValues, FACTS A1), with Pulumi's messages.
 * A stand-in for the CLI, which this environment does not have.
 */
export function pulumiStackConfigErrors(stack: string, namespace: string, declared: Declarations, config: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const missing: string[] = [];
  for (const [key, declaration] of Object.entries(declared).sort(([a], [b]) => a.localeCompare(b))) {
    const full = key.includes(':') ? key : `${namespace}:${key}`;
    if (!(full in config)) {
      if (declaration.default === undefined && declaration.value === undefined) missing.push(key);
      continue;
    }
    const value = config[full];
    if (declaration.secret && !isSecure(value)) errors.push(`Stack '${stack}' with configuration key '${key}' must be encrypted as it's secret`);
    else if (!isSecure(value) && !hasType(declaration.type, value)) {
      errors.push(`Stack '${stack}' with configuration key '${key}' must be of type '${declaration.type}'`);
    }
  }
  if (missing.length) errors.push(`Stack '${stack}' is missing configuration ${missing.length === 1 ? 'value' : 'values'} ${missing.map((k) => `'${k}'`).join(', ')}`);
  return errors;
}
