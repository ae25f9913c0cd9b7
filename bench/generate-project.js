'use strict';
// Generates a large, valid, varied terra-iac project for the benchmark: N environment files in config/
// and their Pulumi.<env>.yaml stack files, derived from the shipped environments.
const { createCipheriv, pbkdf2Sync, randomBytes } = require('node:crypto');
const { cpSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const YAML = require('yaml');
const { REPO } = require('./lib');

const TIERS = ['testing', 'staging', 'production'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'];
const DEMO_PASSPHRASE = 'terra-iac-demo-passphrase';

/** A small seeded PRNG (mulberry32): the same seed gives the same project, run after run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Pulumi's passphrase format (src/load/pulumi-passphrase.ts): one key derived once (PBKDF2 is slow on
 * purpose) and a fresh nonce per value, so every ciphertext is real and unique.
 */
function passphraseSealer() {
  const salt = randomBytes(8);
  const key = pbkdf2Sync(Buffer.from(DEMO_PASSPHRASE), salt, 1_000_000, 32, 'sha256');
  const seal = (plaintext) => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1:${nonce.toString('base64')}:${body.toString('base64')}`;
  };
  return { seal, encryptionSalt: `v1:${salt.toString('base64')}:${seal('pulumi')}` };
}

/** Every `{ fromStackConfig | fromEnv }` object in an environment, so names can be made per-environment. */
function secretRefs(value, found = []) {
  if (Array.isArray(value)) value.forEach((item) => secretRefs(item, found));
  else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'fromStackConfig' || keys[0] === 'fromEnv')) found.push(value);
    else for (const child of Object.values(value)) secretRefs(child, found);
  }
  return found;
}

function pick(random, list, min) {
  const kept = list.filter(() => random() < 0.7);
  return kept.length >= min ? kept : list.slice(0, min);
}

/** One environment derived from the shipped file of its tier, with its own names, ids, URLs and subset. */
function environment(template, tier, name, index, random, keepAll) {
  const env = structuredClone(template);
  const upper = name.toUpperCase().replace(/-/g, '_');
  env.tier = tier;
  env.description = `Generated ${tier} environment ${index} for the benchmark.`;
  env.owners = [{ team: `team-${index % 37}`, email: `team-${index % 37}@acme-health.example` }];
  env.terra.devId = `acme-${name}-${Math.floor(random() * 1e9).toString(36)}`;
  env.webhook.url = `https://hooks.${name}.acme-health.example/terra/events`;
  if (env.webhook.eventTypes) env.webhook.eventTypes = pick(random, env.webhook.eventTypes, 2);
  if (!keepAll) {
    // The first environment of each tier keeps every provider, so production's are always staged somewhere.
    for (const code of Object.keys(env.providers)) if (random() < 0.35) delete env.providers[code];
  }
  const p = env.providers;
  if (p.STRAVA) p.STRAVA.dedicatedKeys.clientId = String(200000 + index);
  if (p.GOOGLE) p.GOOGLE.dedicatedKeys.clientId = `40211-${name}.apps.googleusercontent.com`;
  if (p.HUAWEI) p.HUAWEI.dedicatedKeys.clientId = String(108000000 + index);
  if (p.VIRTUAGYM) p.VIRTUAGYM.dedicatedKeys.portalName = `acme-${name}`;
  if (p.FREESTYLELIBRE) p.FREESTYLELIBRE.practiceId = `DE-PRAXIS-${index}`;
  for (const destination of env.destinations ?? []) {
    if (destination.queueName) destination.queueName = `acme-terra-${name}`;
    if (destination.bucketName) destination.bucketName = `acme-terra-payloads-${name}`;
  }
  for (const ref of secretRefs(env)) if (ref.fromEnv) ref.fromEnv = `${ref.fromEnv.replace(/_(TESTING|STAGING|PRODUCTION)$/, '')}_${upper}`;
  env.aws.region = REGIONS[index % REGIONS.length];
  if (env.aws.consumerRoleArn) env.aws.consumerRoleArn = `arn:aws:iam::123456789012:role/acme-api-${name}`;
  env.limits = { plannedUsers: tier === 'production' ? 100 + Math.floor(random() * 100000) : 1 + Math.floor(random() * 30) };
  return env;
}

function stackFile(env, sealer) {
  const config = { 'aws:region': env.aws.region, 'terra-iac:smokeTest': true };
  for (const ref of secretRefs(env)) {
    if (ref.fromStackConfig) config[`terra-iac:${ref.fromStackConfig}`] = { secure: sealer.seal(`bench-${randomBytes(16).toString('hex')}`) };
  }
  return { config, secretsprovider: 'passphrase', encryptionsalt: sealer.encryptionSalt };
}

/**
 * Writes `count` environments (tiers in turn) and their stack files into `dir`, plus Pulumi.yaml and
 * schemas/, and returns the file count. Deterministic in everything but the ciphertext nonces.
 */
function generateProject(dir, count, seed = 20260717) {
  const random = prng(seed);
  const templates = Object.fromEntries(TIERS.map((tier) => [tier, YAML.parse(readFileSync(join(REPO, 'config', `${tier}.yaml`), 'utf8'))]));
  const sealer = passphraseSealer();
  mkdirSync(join(dir, 'config'), { recursive: true });
  cpSync(join(REPO, 'schemas'), join(dir, 'schemas'), { recursive: true });
  cpSync(join(REPO, 'Pulumi.yaml'), join(dir, 'Pulumi.yaml'));
  for (let i = 0; i < count; i++) {
    const tier = TIERS[i % TIERS.length];
    const name = `env-${String(i).padStart(4, '0')}-${tier}`;
    const env = environment(templates[tier], tier, name, i, random, i < TIERS.length);
    writeFileSync(join(dir, 'config', `${name}.yaml`), `# yaml-language-server: $schema=../schemas/environment.schema.json\n${YAML.stringify(env)}`);
    writeFileSync(join(dir, `Pulumi.${name}.yaml`), `# yaml-language-server: $schema=./schemas/pulumi-stack.schema.json\n${YAML.stringify(stackFile(env, sealer))}`);
  }
  return 2 * count + 1;
}

module.exports = { generateProject };
