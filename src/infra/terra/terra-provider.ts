import type * as pulumi from '@pulumi/pulumi';
import { urlProblem } from '../../terra/http/local-checks';
import { credentialsKind } from './terra-kind-credentials';
import { dataFieldsKind } from './terra-kind-data-fields';
import { dataTypesKind } from './terra-kind-data-types';
import { processingKind } from './terra-kind-processing';
import { TerraResourceError, type CommonInputs, type KindHandler, type TerraKind } from './terra-kind-common';
import { scopesKind } from './terra-kind-scopes';
import { sourceKind } from './terra-kind-source';
import { undeclaredKind } from './terra-kind-undeclared';
import { webhookKind } from './terra-kind-webhook';
import { widgetKind } from './terra-kind-widget';

/** What an input not known yet looks like to a dynamic provider during preview (SDK runtime/rpc unknownValue). */
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** Replacement keys per kind, for inputs still unknown at preview. */
const REPLACE_KEYS: Record<TerraKind, readonly string[]> = {
  source: ['devId', 'adminCode'],
  credentials: ['devId', 'adminCode'],
  scopes: ['devId', 'adminCode'],
  webhook: ['devId', 'url', 'signingSecretVersion'],
  undeclared: ['devId'],
  dataTypes: ['devId'],
  dataFields: ['devId', 'dataType'],
  processing: ['devId'],
  widget: ['devId'],
};

type AnyHandler = KindHandler<CommonInputs, CommonInputs>;

function handlerOf(kind: unknown): AnyHandler {
  switch (kind) {
    case 'source':
      return sourceKind as unknown as AnyHandler;
    case 'credentials':
      return credentialsKind as unknown as AnyHandler;
    case 'scopes':
      return scopesKind as unknown as AnyHandler;
    case 'webhook':
      return webhookKind as unknown as AnyHandler;
    case 'undeclared':
      return undeclaredKind as unknown as AnyHandler;
    case 'dataTypes':
      return dataTypesKind as unknown as AnyHandler;
    case 'dataFields':
      return dataFieldsKind as unknown as AnyHandler;
    case 'processing':
      return processingKind as unknown as AnyHandler;
    case 'widget':
      return widgetKind as unknown as AnyHandler;
    default:
      throw new TerraResourceError(`unknown Terra resource kind ${JSON.stringify(kind)}: this is a terra-iac bug, please report it`);
  }
}

function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(isUnknown);
  return value !== null && typeof value === 'object' && Object.values(value).some(isUnknown);
}

/**
 * The one dynamic provider of every Terra resource: serialized once (the serialization is cached per
 * provider object), and one process-wide admin client per base URL, so all resources share its pacing.
 * It dispatches on the `kind` input. `diff` is pure (no network) and uses the same diff functions as
 * `terra-iac drift`; `read` serves `pulumi refresh` (import does not work for dynamic providers,
 * pulumi/pulumi#16175, so create adopts existing objects by their natural keys). The admin token is
 * never an input: the client reads TERRA_ADMIN_TOKEN from process.env at each call.
 */
export const terraProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: CommonInputs, news: CommonInputs) {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    if (!(news.kind in REPLACE_KEYS)) failures.push({ property: 'kind', reason: `unknown Terra resource kind ${JSON.stringify(news.kind)}` });
    if (typeof news.devId !== 'string' || news.devId === '') failures.push({ property: 'devId', reason: 'a Terra dev-id is required' });
    const problem = typeof news.adminBaseUrl === 'string' && news.adminBaseUrl !== UNKNOWN ? urlProblem(news.adminBaseUrl) : undefined;
    if (problem !== undefined) failures.push({ property: 'adminBaseUrl', reason: problem });
    if (news.kind === 'credentials') {
      const keys = news as CommonInputs & { clientId?: unknown; clientSecret?: unknown };
      // Reasons never quote the values: clientSecret is a secret.
      if (typeof keys.clientId !== 'string' || keys.clientId === '') failures.push({ property: 'clientId', reason: 'dedicated keys need a client id' });
      if (typeof keys.clientSecret !== 'string' || keys.clientSecret === '') failures.push({ property: 'clientSecret', reason: 'dedicated keys need a client secret' });
    }
    return { inputs: news, failures };
  },
  async diff(_id: string, olds: CommonInputs, news: CommonInputs) {
    const kind = (news.kind ?? olds.kind) as TerraKind;
    const unknown = Object.keys(news).filter((k) => isUnknown((news as unknown as Record<string, unknown>)[k]));
    if (unknown.length > 0) return { changes: true, replaces: unknown.filter((k) => REPLACE_KEYS[kind]?.includes(k)) };
    return handlerOf(kind).diff(olds, news);
  },
  async create(inputs: CommonInputs) {
    return handlerOf(inputs.kind).create(inputs);
  },
  async read(id: string, props: CommonInputs) {
    return handlerOf(props.kind).read(id, props);
  },
  async update(id: string, olds: CommonInputs, news: CommonInputs) {
    return handlerOf(news.kind).update(id, olds, news);
  },
  async delete(id: string, props: CommonInputs) {
    return handlerOf(props.kind).delete(id, props);
  },
};
