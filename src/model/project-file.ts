import { z } from 'zod';

const ConfigTypeDeclaration = z
  .strictObject({
    type: z.enum(['string', 'integer', 'boolean', 'array', 'object']).optional(),
    items: z.unknown().optional(),
    description: z.string().optional(),
    secret: z.boolean().optional(),
    default: z.unknown().optional(),
    value: z.unknown().optional(),
  })
  .meta({ id: 'PulumiConfigDeclaration' });

const Runtime = z.union([
  z.string(),
  z.strictObject({
    name: z.string(),
    options: z
      .object({
        typescript: z.boolean().optional(),
        tsconfig: z.string().optional(),
        nodeargs: z.string().optional(),
        production: z.boolean().optional(),
        packagemanager: z.enum(['auto', 'npm', 'yarn', 'pnpm', 'bun']).optional(),
      })
      .loose()
      .optional(),
  }),
]);

/** Pulumi.yaml, the keys Pulumi's project.json schema allows (pulumi/pulumi sdk/go/common/workspace/project.json). */
export const ProjectFile = z
  .strictObject({
    name: z.string().min(1),
    runtime: Runtime,
    description: z.string().optional(),
    author: z.string().optional(),
    website: z.string().optional(),
    license: z.string().optional(),
    main: z.string().optional(),
    config: z.record(z.string(), z.union([ConfigTypeDeclaration, z.string(), z.number(), z.boolean(), z.array(z.unknown())])).optional(),
    stackConfigDir: z.string().optional(),
    backend: z.object({ url: z.string().optional() }).loose().optional(),
    options: z.object({}).loose().optional(),
    template: z.object({}).loose().optional(),
    packages: z.record(z.string(), z.unknown()).optional(),
    plugins: z.object({}).loose().optional(),
    requiredPulumiVersion: z.string().optional(),
  })
  .meta({ id: 'PulumiProjectFile', title: 'Pulumi project file (terra-iac)' });

export type ProjectFile = z.infer<typeof ProjectFile>;
