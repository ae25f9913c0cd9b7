import { sanitizeRemoteText } from '../http/redact';
import { AdminTransport, type AdminClientOptions } from './admin-transport';
import { scopesFor, type AdminOperationId } from './admin-operations';
import type {
  RotatedApiKey,
  CreateDestinationRequest,
  CreatedDestination,
  DestinationSummary,
  DevDetail,
  DryRunResult,
  EventRecord,
  MeResponse,
  Page,
  PatchDestinationRequest,
  ProcessingFormat,
  ProcessingType,
  ProviderCredentialWrite,
  ProviderCredentials,
  ProviderEnabled,
  ProviderScopes,
  ProviderSummary,
  SelectedDataField,
  SelectedDataFieldsRequest,
  SelectedDataTypes,
  SourceList,
  WebhookEventFilter,
  WidgetConfig,
} from './admin-types';
import { checkMe } from './me-check';
import { DEFAULT_MAX_PAGES, collectPages, readPage } from './paginate';
import { isRecord, readEach, readObject, type Read } from './shape';

export type { AdminClientOptions } from './admin-transport';

const DESTINATION = { id: 'string', type: 'string', url: 'string', active: 'boolean' } as const;
const readDestination = (v: unknown) => readObject<DestinationSummary>(v, DESTINATION, { event_types: 'string[]' });
const readCredentials = (v: unknown) => readObject<ProviderCredentials>(v, { provider: 'string', has_credentials: 'boolean' }, { terra_owned: 'boolean', credential: 'object' });
const readScopes = (v: unknown) => readObject<ProviderScopes>(v, { provider: 'string', scopes: 'string[]' });
const readDryRun = (v: unknown) => readObject<DryRunResult>(v, { dry_run: 'boolean', would: 'string', preview: 'object' });
const readAny = (v: unknown): Read<Record<string, unknown>> => (isRecord(v) ? { ok: true, value: v } : { ok: false, reason: 'the body is not a JSON object' });
const nothing = (): Read<undefined> => ({ ok: true, value: undefined });
/** 204 when done, a DryRunResult (200) with `?dry_run=true` (`disableSource`, `deleteDestination`). */
const doneOrPreview = (v: unknown): Read<DryRunResult | undefined> => (v === undefined ? nothing() : readDryRun(v));

/** `?dry_run=true`, declared on `disableSource`, `deleteDestination` and `patchUnifiedApiScopes`. */
export interface DryRunOption {
  dryRun?: boolean;
}

/**
 * Terra's admin API (admin-api.yaml 2026.09.04.2) for drift and apply; there is no SDK. Method names are
 * the spec's operationIds. The token is `TERRA_ADMIN_TOKEN`, read from the given env at each call and
 * sent as `Authorization: Bearer`; see AdminTransport for pacing, retries and idempotency.
 */
export class TerraAdminClient {
  private readonly transport: AdminTransport;

  constructor(options: AdminClientOptions) {
    this.transport = new AdminTransport(options);
  }

  get readOnly(): boolean {
    return this.transport.readOnly;
  }

  /**
   * `GET /me`, judged against the planned operations before any of them runs: token kind, expiry,
   * audience (dev-id) and scopes. Throws an AdminError naming the fix; returns warnings to print.
   */
  async preflight(devId: string, operations: readonly AdminOperationId[], now: number = Date.now()): Promise<{ me: MeResponse; warnings: string[] }> {
    const me = await this.getMe();
    return { me, warnings: checkMe(me, { devId, requiredScopes: scopesFor(operations), now }) };
  }

  getMe(): Promise<MeResponse> {
    return this.transport.call({ id: 'getMe', segments: {}, read: (v) => readObject<MeResponse>(v, {}, { kind: 'string', scopes: 'string[]', expires_at: 'string' }) });
  }

  getEnvironment(devId: string): Promise<DevDetail> {
    return this.transport.call({ id: 'getEnvironment', segments: { dev_id: devId }, read: (v) => readObject<DevDetail>(v, {}, { dev_id: 'string', user_limit: 'number', profile: 'object' }) });
  }

  /** Every source, with the `Terra-Notice` advisories of the first page. */
  async listSources(devId: string): Promise<SourceList> {
    const notices: string[] = [];
    const sources = await this.pages<ProviderSummary>('listSources', devId, {}, (v) => readObject<ProviderSummary>(v, {}, { provider: 'string', active: 'boolean' }), (notice) => notices.push(notice));
    return { sources, notices };
  }

  /** "Enable a provider (idempotent)". `provider` is the admin code (see catalog/admin-codes). */
  enableSource(devId: string, provider: string): Promise<ProviderEnabled> {
    return this.transport.call({ id: 'enableSource', segments: { dev_id: devId, provider }, read: (v) => readObject<ProviderEnabled>(v, { provider: 'string', active: 'boolean' }) });
  }

  disableSource(devId: string, provider: string, options: DryRunOption = {}): Promise<DryRunResult | undefined> {
    return this.transport.call({ id: 'disableSource', segments: { dev_id: devId, provider }, query: dryRun(options), read: doneOrPreview });
  }

  /** The stored credential, secret masked (`provider_client_secret_masked`). */
  getSourceCredentials(devId: string, provider: string): Promise<ProviderCredentials> {
    return this.transport.call({ id: 'getSourceCredentials', segments: { dev_id: devId, provider }, read: readCredentials });
  }

  /** A full replace: a field left out (`redirect_url`, `sandbox`, `verification_secret`) is cleared. */
  setSourceCredentials(devId: string, provider: string, credentials: ProviderCredentialWrite): Promise<ProviderCredentials> {
    return this.transport.call({
      id: 'setSourceCredentials',
      segments: { dev_id: devId, provider },
      body: credentials,
      secrets: [credentials.client_secret, credentials.verification_secret],
      read: readCredentials,
    });
  }

  getSourceScopes(devId: string, provider: string): Promise<ProviderScopes> {
    return this.transport.call({ id: 'getSourceScopes', segments: { dev_id: devId, provider }, read: readScopes });
  }

  /** "Empty clears the provider's custom scopes." */
  setSourceScopes(devId: string, provider: string, scopes: readonly string[]): Promise<ProviderScopes> {
    return this.transport.call({ id: 'setSourceScopes', segments: { dev_id: devId, provider }, body: { scopes }, read: readScopes });
  }

  listDestinations(devId: string): Promise<DestinationSummary[]> {
    return this.pages('listDestinations', devId, {}, readDestination);
  }

  /** The answer may carry the destination's `signing_secret`, once: keep it secret. */
  createDestination(devId: string, destination: CreateDestinationRequest): Promise<CreatedDestination> {
    return this.transport.call({
      id: 'createDestination',
      segments: { dev_id: devId },
      body: destination,
      read: (v) => readObject<CreatedDestination>(v, DESTINATION, { event_types: 'string[]', signing_secret: 'string' }),
    });
  }

  patchDestination(devId: string, destinationId: string, patch: PatchDestinationRequest): Promise<DestinationSummary> {
    return this.transport.call({ id: 'patchDestination', segments: { dev_id: devId, destination_id: destinationId }, body: patch, read: readDestination });
  }

  deleteDestination(devId: string, destinationId: string, options: DryRunOption = {}): Promise<DryRunResult | undefined> {
    return this.transport.call({ id: 'deleteDestination', segments: { dev_id: devId, destination_id: destinationId }, query: dryRun(options), read: doneOrPreview });
  }

  /** The field selection per data type (`data_type` lower-case, e.g. `activity`). */
  listUnifiedApiScopes(devId: string): Promise<SelectedDataField[]> {
    return this.pages('listUnifiedApiScopes', devId, {}, (v) => readObject<SelectedDataField>(v, {}, { data_type: 'string', fields: 'string[]', samples_enabled: 'boolean' }));
  }

  /** The complete data-type selection (upper-case tokens; ATHLETE implicit; SAMPLES is the samples flag). */
  putUnifiedApiScopes(devId: string, scopes: readonly string[]): Promise<SelectedDataTypes> {
    return this.transport.call({ id: 'putUnifiedApiScopes', segments: { dev_id: devId }, body: { scopes }, read: (v) => readObject<SelectedDataTypes>(v, { scopes: 'string[]', samples_enabled: 'boolean' }) });
  }

  /** Replaces one data type's field selection. */
  patchUnifiedApiScopes(devId: string, selection: SelectedDataFieldsRequest, options: DryRunOption = {}): Promise<SelectedDataField | DryRunResult> {
    return this.transport.call({
      id: 'patchUnifiedApiScopes',
      segments: { dev_id: devId },
      query: dryRun(options),
      body: selection,
      read: (v): Read<SelectedDataField | DryRunResult> => (options.dryRun ? readDryRun(v) : readObject<SelectedDataField>(v, {}, { data_type: 'string', fields: 'string[]' })),
    });
  }

  listProcessing(devId: string): Promise<ProcessingType[]> {
    return this.pages('listProcessing', devId, {}, (v) => readObject<ProcessingType>(v, { type: 'string', display_name: 'string', selected: 'boolean' }));
  }

  /** The spec types the 200 as a bare object (its example is the updated list), so it is returned as is. */
  setProcessing(devId: string, type: ProcessingFormat): Promise<Record<string, unknown>> {
    return this.transport.call({ id: 'setProcessing', segments: { dev_id: devId }, body: { type }, read: readAny });
  }

  async getWidgetConfig(devId: string): Promise<WidgetConfig> {
    const answer = await this.transport.call({ id: 'getWidgetConfig', segments: { dev_id: devId }, read: (v) => readObject<{ widget: WidgetConfig }>(v, { widget: 'object' }) });
    return answer.widget;
  }

  /** A full replace of the widget config. */
  async setWidgetConfig(devId: string, widget: WidgetConfig): Promise<WidgetConfig> {
    const answer = await this.transport.call({ id: 'setWidgetConfig', segments: { dev_id: devId }, body: widget, read: (v) => readObject<{ widget: WidgetConfig }>(v, { widget: 'object' }) });
    return answer.widget;
  }

  /** The old key "stops working immediately"; the new one is in the answer, once. Needs account:write and keys:read. */
  rotateEnvironmentApiKey(devId: string): Promise<RotatedApiKey> {
    return this.transport.call({ id: 'rotateEnvironmentApiKey', segments: { dev_id: devId }, read: (v) => readObject<RotatedApiKey>(v, { dev_id: 'string', api_key: 'string' }) });
  }

  /** Every delivery event matching the filter, walking the keyset cursor (`limit` sets the page size). */
  listWebhookEvents(devId: string, filter: WebhookEventFilter = {}, maxPages = DEFAULT_MAX_PAGES): Promise<EventRecord[]> {
    return this.pages('listWebhookEvents', devId, { ...filter }, (v) => readObject<EventRecord>(v, {}, { event_id: 'string', http_status: 'number' }), undefined, maxPages);
  }

  /** One page of delivery events, newest first: for a caller that needs the latest ones, not every one. */
  webhookEventsPage(devId: string, filter: WebhookEventFilter, cursor?: string): Promise<Page<EventRecord>> {
    return this.transport.call<Page<EventRecord>>({
      id: 'listWebhookEvents',
      segments: { dev_id: devId },
      query: { ...filter, cursor },
      read: (body) => {
        const page = readPage(body);
        if (!page.ok) return page;
        const items = readEach(page.page.data, (v) => readObject<EventRecord>(v, {}, { event_id: 'string', http_status: 'number', sent_at: 'string', destination_type: 'string' }));
        return items.ok ? { ok: true, value: { ...page.page, data: items.value } } : items;
      },
    });
  }

  /**
   * A whole list. Only `listWebhookEvents` declares `cursor`; the other lists declare none but answer
   * `has_more`/`next_cursor` all the same, so the walk asks with `cursor` there too, and the truncation
   * guard stops it if a server ignores that.
   */
  private pages<T>(
    id: AdminOperationId,
    devId: string,
    query: Readonly<Record<string, string | number | boolean | undefined>>,
    item: (value: unknown) => Read<T>,
    onNotice?: (notice: string) => void,
    maxPages = DEFAULT_MAX_PAGES,
  ): Promise<T[]> {
    return collectPages<T>(
      `${id} for dev-id ${devId}`,
      (cursor) =>
        this.transport.call<Page<T>>({
          id,
          segments: { dev_id: devId },
          query: { ...query, cursor },
          read: (body, response) => {
            const page = readPage(body);
            if (!page.ok) return page;
            const items = readEach(page.page.data, item);
            if (!items.ok) return items;
            const notice = response.headers.get('terra-notice');
            // Remote text for a terminal: flattened and bounded like every other server-chosen string.
            if (notice && onNotice && cursor === undefined) onNotice(sanitizeRemoteText(notice, 500));
            return { ok: true, value: { ...page.page, data: items.value } };
          },
        }),
      maxPages,
    );
  }
}

function dryRun(options: DryRunOption): { dry_run?: boolean } {
  return options.dryRun ? { dry_run: true } : {};
}
