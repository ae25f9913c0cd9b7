import { yml } from './yml';

/** Project-relative path to file content; `null` removes a baseline file, a Buffer is written byte for byte. */
export type ProjectFiles = Record<string, string | Buffer | null>;

function environment(name: string): string {
  return yml`
    owners:
      - team: platform
    terra:
      devId: acme-${name}-dev-id
      apiBaseUrl: https://access.tryterra.co/api/v2
      apiKey: { fromStackConfig: terraApiKey }
    webhook:
      url: https://hooks.acme.example/terra/${name}
      signingSecret: { fromStackConfig: terraWebhookSigningSecret }
    providers:
      GARMIN: {}
      OURA: {}
    aws:
      secretNamePrefix: acme/terra
  `;
}

/**
 * Real passphrase ciphertext (demo passphrase `terra-iac-demo-passphrase`, fake demo values) copied from the
 * shipped stack files, so every rule, including ones that decrypt, accepts the baseline.
 */
const STACKS: Record<string, { salt: string; apiKey: string; signingSecret: string }> = {
  testing: {
    salt: 'v1:eYWI5cToehI=:v1:zfS02FdikjeAnc0C:1x7iQoPiD612Niz/qztTlL4j+NkA2A==',
    apiKey: 'v1:bw8lwGNjtCN/MOcU:YgQ/4xHrr2JRNI3hzCF6IIJc+dyvk8g1AM4/0BbgPdYv2NsJeAOQiCKNSJVSZ097DiSjgp+Saxh462Nf8LSNYKQ=',
    signingSecret: 'v1:ARGWzd1aZY0Scfae:dBCNWTUpzg8cUQxi8yqqKe/FLte6T7TJIUQ/X3lpTVG0F2bOPbzKrvdi2iR3joA15diLxByDwv7FmVXCnxC+TYq6szuxY9+8xMs=',
  },
  staging: {
    salt: 'v1:vMWybOtufpc=:v1:WMhXepWIJ4VdakUh:p8Q3/Y32WHVTw8vTJMJ7YrFtcbe12g==',
    apiKey: 'v1:3b9oqJD5gpKwGT9r:to8lfk/EiEcSGnAqYss0NCFLwje4PsNsyEoKscw7Y9IKi8UysJ+OBCp6DgE3pahx5SoMm3L27Z69h6K9QEsbbV0=',
    signingSecret: 'v1:ZKDxRINTJy8Cev3Q:RfwA1NHnB5sw8+9uoWeyIItYZg8zhy6JqDgIZhDbuCjhmlwUZ14re/Djp/FCrQXBEWiZzGINQuKmHrnqHodLVr6Bkfxk6yhzY6E=',
  },
  production: {
    salt: 'v1:yTrwvuurioI=:v1:HGUabts/LZVi5xtQ:L8J78XldDK+BCbJJtbBm+THdgE3HCQ==',
    apiKey: 'v1:1Yi6UrwPGgydtRxL:/FwaxxBlOQImXeYzC4oHf/NySSOwC+ZfoJBJNb949A2AWsIxKr2epEFcbYZdvFENMoNay52chykNE4RRBorkZm5EmSw=',
    signingSecret: 'v1:LCYOJLjIcHkzo0tG:72O0yOZhgVvq6EIpAvBmyi+ZwidxvsjNFDPBx4TyCc28mOJkF+Lo+OYOOuQWJ71XTyfW8kXbmw/JWXB7NL7GZLBQ90zcOMB8R0Cmfk0=',
  },
};

export function ciphertextOf(env: keyof typeof STACKS, key: 'apiKey' | 'signingSecret'): string {
  return STACKS[env]![key];
}

function stack(name: string): string {
  const s = STACKS[name]!;
  return yml`
    config:
      aws:region: eu-west-1
      terra-iac:terraApiKey:
        secure: ${s.apiKey}
      terra-iac:terraWebhookSigningSecret:
        secure: ${s.signingSecret}
    secretsprovider: passphrase
    encryptionsalt: ${s.salt}
  `;
}

const PROJECT = yml`
  name: terra-iac
  runtime: nodejs
  main: src/index.ts
  config:
    terraApiKey:
      type: string
      secret: true
    terraWebhookSigningSecret:
      type: string
      secret: true
`;

/** A small valid project: three environments, their stack files and Pulumi.yaml. Every rule accepts it. */
export const BASELINE: Readonly<Record<string, string>> = {
  'Pulumi.yaml': PROJECT,
  ...Object.fromEntries(['testing', 'staging', 'production'].flatMap((env) => [[`config/${env}.yaml`, environment(env)], [`Pulumi.${env}.yaml`, stack(env)]])),
};

/** The baseline with some files replaced, added or (with `null`) removed. */
export function projectWith(overrides: ProjectFiles): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = { ...BASELINE };
  for (const [path, content] of Object.entries(overrides)) {
    if (content === null) delete files[path];
    else files[path] = content;
  }
  return files;
}
